package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: a separate process, its exit code, what it prints. */
class CommandLineProcessTest {

    @TempDir
    Path home;

    private SandboxProcesses.Run run(String... args) throws IOException, InterruptedException {
        return new SandboxProcesses(home).run(Duration.ofSeconds(60), args);
    }

    @Test
    void help_should_listEveryCommandAndExitZero_when_askedForHelp() throws Exception {
        // WHEN the user asks for help
        SandboxProcesses.Run run = run("--help");

        // THEN every command is listed and the exit code is 0
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: ./aurora-guard <command>", "demo", "sandbox", "invoke");
    }

    @Test
    void commandHelp_should_printUsage_when_commandGivenHelpFlag() throws Exception {
        // WHEN the user asks for one command's help
        SandboxProcesses.Run run = run("sandbox", "--help");

        // THEN its usage and options are printed
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("./aurora-guard sandbox serve", "--port N", "--state DIR", "--rds-rate-limits");
    }

    @Test
    void unknownCommand_should_printOneLineAndExitTwo_when_commandDoesNotExist() throws Exception {
        // WHEN the user mistypes a command
        SandboxProcesses.Run run = run("snapshot-everything");

        // THEN one line says so and the exit code is 2
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).startsWith("aurora-guard: unknown command 'snapshot-everything'").doesNotContain("\n");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void badFlag_should_printOneLineAndExitTwo_when_flagIsUnknown() throws Exception {
        // WHEN a command gets a flag it does not know
        SandboxProcesses.Run run = run("sandbox", "serve", "--prot", "4555");

        // THEN one line names the flag and the exit code is 2
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("aurora-guard sandbox: unknown option --prot (see ./aurora-guard sandbox --help)");
    }

    @Test
    void invoke_should_explainHowToStartSandbox_when_noSandboxIsRunning() throws Exception {
        // GIVEN an event file and no running sandbox
        Path event = home.resolve("event.json");
        Files.writeString(event, "{}");

        // WHEN the user invokes a function without --endpoint
        SandboxProcesses.Run run = run("invoke", "scheduled-snapshot", "--event", event.toString());

        // THEN the one-line error tells how to start the sandbox
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no sandbox is running", "./aurora-guard sandbox serve");
    }

    @Test
    void invoke_should_refuseUnknownFunction_when_nameIsNotInCatalog() throws Exception {
        // WHEN the user names a function that does not exist
        SandboxProcesses.Run run = run("invoke", "make-coffee", "--event", "x.json");

        // THEN the error lists the real functions
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown function 'make-coffee'", "scheduled-snapshot");
    }
}
