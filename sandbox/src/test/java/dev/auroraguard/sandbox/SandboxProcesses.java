package dev.auroraguard.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code ./aurora-guard} commands as separate processes, the way a user does. */
final class SandboxProcesses {

    record Run(int exitCode, String stdout, String stderr) {
    }

    private final Path home;

    SandboxProcesses(Path home) {
        this.home = home;
    }

    ProcessBuilder command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AURORA_GUARD_HOME", home.toString());
        // The user's own AWS settings must not leak into what the sandbox shows.
        for (String key : List.copyOf(builder.environment().keySet())) {
            if (key.startsWith("AWS_")) {
                builder.environment().remove(key);
            }
        }
        return builder;
    }

    Run run(Duration timeout, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        Process process = command(List.of(args)).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("`aurora-guard " + String.join(" ", args) + "` did not finish within " + timeout
                    + "; output so far:\n" + Files.readString(stdout));
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** A running {@code sandbox serve}: its endpoint as printed, and its output file. */
    record Served(Process process, String endpoint, Path output) implements AutoCloseable {
        String outputText() throws IOException {
            return Files.readString(output);
        }

        /** Stops it as Ctrl-C would (SIGTERM runs the shutdown hooks). */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    Served serve(String... extraArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("sandbox", "serve", "--port", "0"));
        args.addAll(List.of(extraArgs));
        Path output = Files.createTempFile(home, "serve", ".txt");
        Process process = command(args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Pattern endpoint = Pattern.compile("export AWS_ENDPOINT_URL=(http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output);
            Matcher matcher = endpoint.matcher(text);
            if (text.contains("Press Ctrl-C to stop.") && matcher.find()) {
                return new Served(process, matcher.group(1), output);
            }
            if (!process.isAlive()) {
                throw new AssertionError("sandbox serve exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("sandbox serve printed no endpoint within 60 s:\n" + Files.readString(output));
    }

}
