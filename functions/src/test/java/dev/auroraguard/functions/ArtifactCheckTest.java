package dev.auroraguard.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.handler.FunctionCatalog;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCheckTest {

    @TempDir
    Path work;

    @Test
    void problems_should_name_the_missing_handler_and_a_module_the_function_does_not_call() throws Exception {
        // GIVEN a scheduled-snapshot jar without its handler, holding an SSM class
        Path jar = jar("software/amazon/awssdk/services/ssm/SsmClient.class");

        // WHEN checked
        List<String> problems = ArtifactCheck.problems(FunctionCatalog.SCHEDULED_SNAPSHOT, jar);

        // THEN both are named
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("handler").contains("ScheduledSnapshotHandler"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("services/ssm/SsmClient.class"));
    }

    @Test
    void problems_should_be_none_when_the_jar_holds_its_handler_and_only_its_modules() throws Exception {
        // GIVEN a restore-progress jar with its handler and an SSM class (restore-progress calls SSM); the entries are
        // empty files, so jdeps finds no class references in them
        Path jar = jar("dev/auroraguard/handler/RestoreProgressHandler.class", "software/amazon/awssdk/services/ssm/Marker.txt");

        // WHEN / THEN
        assertThat(ArtifactCheck.problems(FunctionCatalog.RESTORE_PROGRESS, jar)).isEmpty();
    }

    private Path jar(String... entries) throws Exception {
        Path jar = work.resolve("artifact.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
