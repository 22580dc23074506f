package dev.auroraguard.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyModeledExceptionsTest {

    @TempDir
    Path work;

    @Test
    void rewrite_should_keep_the_modeled_exception_types_when_aws_answers_with_an_error() throws Exception {
        // GIVEN the SDK clients of this classpath rewritten, and a class loader where they shadow the originals
        Path rdsJar = Path.of(software.amazon.awssdk.services.rds.RdsClient.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        LazyModeledExceptions.Rewrite rewrite = LazyModeledExceptions.rewrite(rdsJar, work);
        assertThat(rewrite.entries()).contains("software/amazon/awssdk/services/rds/DefaultRdsClient.class");
        assertThat(rewrite.references()).isGreaterThan(100);
        List<URL> urls = new ArrayList<>(List.of(work.toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }

        try (Simulator simulator = Simulator.start(SimulatorOptions.forTests());
             URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(isolated.loadClass("software.amazon.awssdk.services.rds.DefaultRdsClient")
                    .getProtectionDomain().getCodeSource().getLocation().toURI()).isEqualTo(work.toUri());
            @SuppressWarnings("unchecked")
            Function<String, String> call = (Function<String, String>) isolated.loadClass(IsolatedRdsCall.class.getName())
                    .getConstructor().newInstance();

            // WHEN RDS answers DBClusterNotFoundFault
            String thrown = call.apply(simulator.endpoint().toString());

            // THEN the SDK still throws its modeled exception, built through the lazy supplier
            assertThat(thrown).isEqualTo("software.amazon.awssdk.services.rds.model.DbClusterNotFoundException from URLClassLoader");
        }
    }
}
