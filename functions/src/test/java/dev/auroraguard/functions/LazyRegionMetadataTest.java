package dev.auroraguard.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated providers answer exactly as the SDK's originals, key by key. */
class LazyRegionMetadataTest {

    @TempDir
    static Path work;
    private static URLClassLoader generated;

    @BeforeAll
    static void compileReplacements() throws Exception {
        String classpath = System.getProperty("java.class.path");
        Path classes = LazyRegionMetadata.compile(classpath, work);
        // The replacements first, then the SDK: they shadow the originals, as in a function artifact.
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String entry : classpath.split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        generated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void serviceMetadata_should_return_the_sdks_metadata_class_when_asked_for_every_endpoint_prefix() throws Exception {
        // GIVEN the SDK's own entries
        Map<String, String> original = LazyRegionMetadata.entries(LazyRegionMetadata.SERVICE_PROVIDER, "SERVICE_METADATA", false);
        assertThat(original).containsKeys("rds", "events", "ssm", "codepipeline").hasSizeGreaterThan(300);
        Object provider = replacement(LazyRegionMetadata.SERVICE_PROVIDER);
        Method lookup = provider.getClass().getMethod("serviceMetadata", String.class);

        // WHEN / THEN every prefix gives the same class, twice the same instance; unknown and null give null
        for (Map.Entry<String, String> entry : original.entrySet()) {
            Object metadata = lookup.invoke(provider, entry.getKey());
            assertThat(metadata.getClass().getName()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(lookup.invoke(provider, entry.getKey())).isSameAs(metadata);
        }
        assertThat(lookup.invoke(provider, "no-such-service")).isNull();
        assertThat(lookup.invoke(provider, (Object) null)).isNull();
    }

    @Test
    void regionMetadata_should_return_the_sdks_metadata_class_when_asked_for_every_region() throws Exception {
        // GIVEN the SDK's own entries
        Map<String, String> original = LazyRegionMetadata.entries(LazyRegionMetadata.REGION_PROVIDER, "REGION_METADATA", true);
        assertThat(original).containsKeys("eu-west-1", "us-east-1");
        Object provider = replacement(LazyRegionMetadata.REGION_PROVIDER);
        Class<?> region = generated.loadClass("software.amazon.awssdk.regions.Region");
        Method of = region.getMethod("of", String.class);
        Method lookup = provider.getClass().getMethod("regionMetadata", region);

        // WHEN / THEN
        for (Map.Entry<String, String> entry : original.entrySet()) {
            Object metadata = lookup.invoke(provider, of.invoke(null, entry.getKey()));
            assertThat(metadata.getClass().getName()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(lookup.invoke(provider, of.invoke(null, "xx-nowhere-1"))).isNull();
        assertThat(lookup.invoke(provider, (Object) null)).isNull();
    }

    private static Object replacement(String className) throws Exception {
        Class<?> type = generated.loadClass(className);
        assertThat(type.getProtectionDomain().getCodeSource().getLocation().getPath()).contains("lazy-region-metadata-classes");
        return type.getConstructor().newInstance();
    }
}
