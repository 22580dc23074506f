package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.handler.FunctionCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each function's jar comes from, and the synth failing with the way to build what is missing. */
class FunctionArtifactsTest {

    @Test
    void in_should_resolveEachFunctionToItsOwnJar_when_everyJarIsThere() {
        // GIVEN a directory with one jar per function
        Path directory = SynthesizedApp.standInArtifacts();

        // WHEN it is read
        FunctionArtifacts artifacts = FunctionArtifacts.in(directory);

        // THEN each function's jar is DIRECTORY/<function name>.jar
        for (FunctionCatalog function : FunctionCatalog.values()) {
            assertThat(artifacts.jar(function)).isEqualTo(directory.resolve(function.functionName() + ".jar")).isRegularFile();
        }
    }

    @Test
    void in_should_listEveryMissingJarAndTheBuildCommand_when_someAreMissing(@TempDir Path directory) throws IOException {
        // GIVEN a directory holding the jars of every function but snapshot-cleanup and restore-progress
        for (FunctionCatalog function : FunctionCatalog.values()) {
            if (function != FunctionCatalog.SNAPSHOT_CLEANUP && function != FunctionCatalog.RESTORE_PROGRESS) {
                SynthesizedApp.writeStandInJar(directory.resolve(function.functionName() + ".jar"), function);
            }
        }

        // THEN the synth stops with one problem naming both jars and how to build them
        assertThatThrownBy(() -> FunctionArtifacts.in(directory))
                .isInstanceOf(InvalidContextException.class)
                .satisfies(e -> assertThat(((InvalidContextException) e).problems()).containsExactly(
                        "context functionArtifacts: " + directory + " is missing 2 of the 6 function jars:"
                                + " snapshot-cleanup.jar, restore-progress.jar;"
                                + " build them with: mvn -pl functions -am package -DskipTests"));
    }

    @Test
    void in_should_listEveryJar_when_theDirectoryDoesNotExist(@TempDir Path parent) {
        Path directory = parent.resolve("functions");
        assertThatThrownBy(() -> FunctionArtifacts.in(directory))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context functionArtifacts: " + directory + " (no such directory) is missing 6 of the"
                        + " 6 function jars: scheduled-snapshot.jar, snapshot-available.jar, snapshot-cleanup.jar,"
                        + " point-in-time-restore.jar, restore-progress.jar, pre-deploy-snapshot.jar;"
                        + " build them with: mvn -pl functions -am package -DskipTests");
    }

    @Test
    void in_should_askForTheDirectory_when_givenAJar(@TempDir Path directory) throws IOException {
        // GIVEN the single shared jar of an earlier version
        Path jar = Files.writeString(directory.resolve("lambdas-0.1.0-SNAPSHOT-aws.jar"), "not a directory");

        assertThatThrownBy(() -> FunctionArtifacts.in(jar))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context functionArtifacts: " + jar + " is a file; functionArtifacts is the directory"
                        + " holding one jar per function (scheduled-snapshot.jar, ")
                .hasMessageEndingWith("built with: mvn -pl functions -am package -DskipTests");
    }

    @Test
    void contentHash_should_stayTheSame_when_aRebuildOnlyChangesEntryTimes(@TempDir Path directory) throws IOException {
        // GIVEN the same classes written twice, as two ProGuard runs a minute apart write them
        Path first = jar(directory.resolve("first.jar"), 1_700_000_000_000L, "A.class", "class A v1", "b/B.class", "class B");
        Path second = jar(directory.resolve("second.jar"), 1_700_000_060_000L, "A.class", "class A v1", "b/B.class", "class B");
        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));

        // THEN both are the same asset
        assertThat(FunctionArtifacts.contentHash(first)).isEqualTo(FunctionArtifacts.contentHash(second)).hasSize(64);
    }

    @Test
    void contentHash_should_change_when_aClassOrItsNameChanges(@TempDir Path directory) throws IOException {
        long time = 1_700_000_000_000L;
        String original = FunctionArtifacts.contentHash(jar(directory.resolve("original.jar"), time,
                "A.class", "class A v1", "b/B.class", "class B"));

        assertThat(FunctionArtifacts.contentHash(jar(directory.resolve("changed.jar"), time,
                "A.class", "class A v2", "b/B.class", "class B"))).isNotEqualTo(original);
        assertThat(FunctionArtifacts.contentHash(jar(directory.resolve("renamed.jar"), time,
                "A.class", "class A v1", "b/C.class", "class B"))).isNotEqualTo(original);
        // AND moving bytes between neighbouring entries is a change too
        assertThat(FunctionArtifacts.contentHash(jar(directory.resolve("moved.jar"), time,
                "A.class", "class A v1class B", "b/B.class", ""))).isNotEqualTo(original);
    }

    @Test
    void contentHash_should_nameTheFile_when_itIsNotAJar(@TempDir Path directory) throws IOException {
        Path notAJar = Files.writeString(directory.resolve("scheduled-snapshot.jar"), "not a zip");
        assertThatThrownBy(() -> FunctionArtifacts.contentHash(notAJar))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the function artifact " + notAJar);
    }

    @Test
    void fromContext_should_pointAtCdkJson_when_noDirectoryIsConfigured() {
        String previous = System.clearProperty(FunctionArtifacts.DIRECTORY_PROPERTY);
        try {
            assertThatThrownBy(() -> FunctionArtifacts.fromContext(null))
                    .isInstanceOf(InvalidContextException.class)
                    .hasMessageContaining("context functionArtifacts: no function artifacts; run the app through cdk.json")
                    .hasMessageContaining("mvn -pl functions -am package -DskipTests");
        } finally {
            if (previous != null) {
                System.setProperty(FunctionArtifacts.DIRECTORY_PROPERTY, previous);
            }
        }
    }

    @Test
    void fromContext_should_preferTheContext_when_theBuildAlsoPassesADirectory(@TempDir Path elsewhere) {
        // GIVEN the build's property naming an empty directory, and the context naming a complete one
        String previous = System.setProperty(FunctionArtifacts.DIRECTORY_PROPERTY, elsewhere.toString());
        try {
            // THEN the context wins
            assertThat(FunctionArtifacts.fromContext(" " + SynthesizedApp.standInArtifacts() + " ").directory())
                    .isEqualTo(SynthesizedApp.standInArtifacts());
            // AND without it the property is used
            assertThatThrownBy(() -> FunctionArtifacts.fromContext(""))
                    .hasMessageContaining("context functionArtifacts: " + elsewhere + " is missing 6 of the 6");
        } finally {
            if (previous == null) {
                System.clearProperty(FunctionArtifacts.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(FunctionArtifacts.DIRECTORY_PROPERTY, previous);
            }
        }
    }

    /** A jar of {@code nameThenContent} pairs, every entry stamped {@code time}. */
    private static Path jar(Path path, long time, String... nameThenContent) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                JarEntry entry = new JarEntry(nameThenContent[i]);
                entry.setTime(time);
                out.putNextEntry(entry);
                out.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return path;
    }
}
