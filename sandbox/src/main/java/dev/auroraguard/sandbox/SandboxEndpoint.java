package dev.auroraguard.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running {@code sandbox serve} says it listens, so that {@code invoke} and {@code restore}
 * find it without flags: {@code $AURORA_GUARD_HOME/sandbox.properties} (default {@code ~/.aurora-guard}).
 */
final class SandboxEndpoint {

    private SandboxEndpoint() {
    }

    static Path file() {
        String home = System.getenv("AURORA_GUARD_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".aurora-guard");
        return dir.resolve("sandbox.properties");
    }

    static void publish(URI endpoint, String region) throws IOException {
        Path file = file();
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty("endpoint", endpoint.toString());
        properties.setProperty("region", region);
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path temp = Files.createTempFile(file.getParent(), "sandbox", ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            properties.store(writer, "written by ./aurora-guard sandbox serve; removed when it stops");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it still names this process. */
    static void withdraw() {
        Path file = file();
        read().filter(p -> p.getProperty("pid", "").equals(Long.toString(ProcessHandle.current().pid())))
                .ifPresent(p -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // best effort at shutdown: a stale file is detected by its dead pid
                    }
                });
    }

    /** The endpoint of a sandbox that is still running, if any. */
    static Optional<URI> running() {
        return read().filter(p -> {
            try {
                return ProcessHandle.of(Long.parseLong(p.getProperty("pid", "-1"))).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }).map(p -> URI.create(p.getProperty("endpoint")));
    }

    private static Optional<Properties> read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties.getProperty("endpoint") == null ? Optional.empty() : Optional.of(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
