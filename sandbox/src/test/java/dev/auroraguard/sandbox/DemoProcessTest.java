package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./aurora-guard demo} as a new user runs it: it must finish, succeed and tell the story. */
class DemoProcessTest {

    @TempDir
    Path home;

    @Test
    void demo_should_narrateEveryChapterAndExitZero_when_runOnAFreshMachine() throws Exception {
        // WHEN the demo runs in its own process
        SandboxProcesses.Run run = new SandboxProcesses(home).run(Duration.ofMinutes(3), "demo");

        // THEN it succeeds, prints nothing alarming on stderr, and each chapter shows what it promises
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout())
                .contains("Chapter 1. An Aurora PostgreSQL cluster in production")
                .contains("members          [orders-db-1 (writer), orders-db-2 (reader)]")
                .contains("Chapter 2. Nightly scheduled snapshots")
                .contains("orders-db -> orders-db-scheduled-20261118-0300 succeeded (created, snapshot creating)")
                .contains("announced Snapshot Available for orders-db-scheduled-20261118-0300 (confirmed by rds-event)")
                .contains("orders-db-scheduled-20261120-0300 succeeded (already-exists, snapshot available)")
                .contains("manual snapshots before: 3, after: 3")
                .contains("cluster-not-available: cluster status is 'backing-up'")
                .contains("orders-db -> orders-db-scheduled-20261121-0300 succeeded (created, snapshot creating)")
                .contains("Demo finished.");
    }
}
