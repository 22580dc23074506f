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
                .containsPattern("orders-db -> orders-db-scheduled-\\d{8}-0300 succeeded \\(created, snapshot creating\\)")
                .containsPattern("announced Snapshot Available for orders-db-scheduled-\\d{8}-0300 \\(confirmed by rds-event\\)")
                .containsPattern("orders-db-scheduled-\\d{8}-0300 succeeded \\(already-exists, snapshot available\\)")
                .contains("manual snapshots before: 3, after: 3")
                .contains("cluster-not-available: cluster status is 'backing-up'")
                .contains("Chapter 3. Retention cleanup")
                .contains("manual snapshots of orders-db: 65")
                .containsPattern("delete +orders-db-scheduled-\\d{8}-0300 +deleted: outside all rules")
                .contains("keep    orders-db-before-hotfix              kept: unmanaged")
                .contains("dry run: would delete 10, keep 13, left for later runs 42")
                .contains("night 1: deleted 10, keep 13, left for later runs 42")
                .contains("night 6: deleted 2, keep 13, left for later runs 0")
                .contains("manual snapshots of orders-db now: 13")
                .contains("Chapter 4. Pre-deploy snapshots: a rollback point before the migration")
                .contains("CodePipeline was told: PutJobSuccessResult with a continuation token")
                .contains("CodePipeline was told: PutJobSuccessResult without a token - the action succeeded, output variables:")
                .contains("CodePipeline was told: PutJobFailureResult, ConfigurationError:")
                .contains("Snapshot Available: orders-db-pre-deploy-")
                .contains("Chapter 5. A migration breaks production: restore to just before it")
                .containsPattern("point-in-time-restore: started \\(started\\) - restore started: orders-db to \\S+ into new cluster orders-db-pitr-")
                .contains("ignored (not-alarm)")
                .contains("skipped (restore-in-flight)")
                .contains("create-instances (instances-requested)")
                .contains("writer endpoint   orders-db-pitr-")
                .containsPattern("Restore Completed +1\\n")
                .contains("orders-db status available, members 2, tags unchanged: true")
                .contains("Demo finished.");
        assertThat(run.stdout()).doesNotContain("FAILED: could not", "Exception");
    }
}
