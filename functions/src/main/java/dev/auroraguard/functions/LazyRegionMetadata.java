package dev.auroraguard.functions;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Replacements for two generated classes of the SDK's {@code regions} module that cost every cold start
 * about 370 class loads: {@code GeneratedServiceMetadataProvider} and {@code GeneratedRegionMetadataProvider}
 * build the metadata of every AWS service (316) and Region (50-odd) in their static initialisers, the first
 * time a client is built, although a client asks for one or two.
 *
 * <p>The replacements are generated from the SDK's own classes at build time (same keys, same metadata
 * classes), and build an entry when it is first asked for, then keep it. Only the function artifacts carry
 * them; {@code LazyRegionMetadataTest} checks that they answer as the SDK's originals for every key.
 */
final class LazyRegionMetadata {

    static final String SERVICE_PROVIDER = "software.amazon.awssdk.regions.GeneratedServiceMetadataProvider";
    static final String REGION_PROVIDER = "software.amazon.awssdk.regions.GeneratedRegionMetadataProvider";

    /** The class files the replacements supersede, as jar entry names (for ProGuard's input filter). */
    static final List<String> REPLACED_ENTRIES = List.of(SERVICE_PROVIDER.replace('.', '/') + ".class",
            REGION_PROVIDER.replace('.', '/') + ".class");

    private LazyRegionMetadata() {
    }

    /**
     * Writes and compiles both replacements into {@code classesDirectory}, reading the SDK's entries from
     * the originals on this build's classpath and compiling against {@code sdkClasspath}.
     */
    static Path compile(Path sdkClasspath, Path workDirectory) throws Exception {
        Path sources = workDirectory.resolve("lazy-region-metadata-src/software/amazon/awssdk/regions");
        Path classes = workDirectory.resolve("lazy-region-metadata-classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Path service = sources.resolve("GeneratedServiceMetadataProvider.java");
        Files.writeString(service, serviceProviderSource(entries(SERVICE_PROVIDER, "SERVICE_METADATA", false)),
                StandardCharsets.UTF_8);
        Path region = sources.resolve("GeneratedRegionMetadataProvider.java");
        Files.writeString(region, regionProviderSource(entries(REGION_PROVIDER, "REGION_METADATA", true)), StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: build with a JDK, not a JRE");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, "--release", "17", "-nowarn", "-classpath", sdkClasspath.toString(),
                "-d", classes.toString(), service.toString(), region.toString());
        if (exit != 0) {
            throw new IllegalStateException("compiling the lazy region metadata providers failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** Key (endpoint prefix or Region id) to the metadata class the SDK's original builds for it. */
    static Map<String, String> entries(String providerClass, String mapField, boolean keyedByRegion) throws Exception {
        Field field = Class.forName(providerClass).getDeclaredField(mapField);
        field.setAccessible(true);
        Map<?, ?> map = (Map<?, ?>) field.get(null);
        Map<String, String> entries = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = keyedByRegion ? (String) entry.getKey().getClass().getMethod("id").invoke(entry.getKey())
                    : (String) entry.getKey();
            entries.put(key, entry.getValue().getClass().getName());
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(providerClass + "." + mapField + " is empty: has the SDK changed?");
        }
        return entries;
    }

    static String serviceProviderSource(Map<String, String> entries) {
        return source("GeneratedServiceMetadataProvider", "ServiceMetadataProvider", "ServiceMetadata",
                "serviceMetadata(String endpointPrefix)", "endpointPrefix", entries);
    }

    static String regionProviderSource(Map<String, String> entries) {
        return source("GeneratedRegionMetadataProvider", "RegionMetadataProvider", "RegionMetadata",
                "regionMetadata(Region region)", "region == null ? null : region.id()", entries);
    }

    private static String source(String className, String interfaceName, String valueType, String signature, String key,
                                 Map<String, String> entries) {
        List<String> cases = new ArrayList<>();
        entries.forEach((name, type) -> cases.add("            case \"" + name + "\": return new " + type + "();"));
        return "package software.amazon.awssdk.regions;\n\n"
                + "/** Generated by aurora-guard's functions build from the SDK's own " + className + ": the same entries,\n"
                + " * each built when first asked for rather than all at class initialisation. */\n"
                + "public final class " + className + " implements " + interfaceName + " {\n\n"
                + "    private static final java.util.concurrent.ConcurrentHashMap<String, " + valueType + "> BUILT =\n"
                + "            new java.util.concurrent.ConcurrentHashMap<>();\n\n"
                + "    @Override\n"
                + "    public " + valueType + " " + signature + " {\n"
                + "        String key = " + key + ";\n"
                + "        if (key == null) {\n"
                + "            return null;\n"
                + "        }\n"
                + "        " + valueType + " built = BUILT.get(key);\n"
                + "        if (built == null) {\n"
                + "            built = create(key);\n"
                + "            if (built != null) {\n"
                + "                " + valueType + " first = BUILT.putIfAbsent(key, built);\n"
                + "                built = first != null ? first : built;\n"
                + "            }\n"
                + "        }\n"
                + "        return built;\n"
                + "    }\n\n"
                + "    private static " + valueType + " create(String key) {\n"
                + "        switch (key) {\n"
                + String.join("\n", cases) + "\n"
                + "            default: return null;\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }
}
