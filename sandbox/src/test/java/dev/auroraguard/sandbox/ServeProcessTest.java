package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.model.DBCluster;

/** {@code sandbox serve} and {@code invoke} as separate processes, talking over loopback as a user's tools would. */
class ServeProcessTest {

    @TempDir
    Path home;

    @Test
    void serve_should_offerSeededClusterWithWeekOfHistory_when_started() throws Exception {
        SandboxProcesses processes = new SandboxProcesses(home);
        try (SandboxProcesses.Served served = processes.serve();
             SandboxClients aws = new SandboxClients(URI.create(served.endpoint()), SandboxCommand.DEFAULT_REGION)) {
            // WHEN a user lists the clusters through the SDK
            DBCluster cluster = aws.rds().describeDBClusters(b -> b.dbClusterIdentifier("orders-db")).dbClusters().get(0);

            // THEN the seeded cluster is available, with its instances and a restore window as long as its retention
            assertThat(cluster.status()).isEqualTo("available");
            assertThat(cluster.dbClusterMembers()).hasSize(2);
            assertThat(Duration.between(cluster.earliestRestorableTime(), Instant.now())).isGreaterThan(Duration.ofDays(6));
            assertThat(served.outputText()).contains("seeded: Aurora PostgreSQL", "AWS_DEFAULT_REGION=eu-west-1");
            assertThat(Files.readString(home.resolve("sandbox.properties"))).contains("endpoint=" + served.endpoint().replace(":", "\\:"));
        }
        // THEN stopping it withdraws the endpoint file, so invoke no longer finds a sandbox
        assertThat(home.resolve("sandbox.properties")).doesNotExist();
    }

    @Test
    void serve_should_enforceRdsRequestRateLimit_when_askedTo() throws Exception {
        SandboxProcesses processes = new SandboxProcesses(home);
        try (SandboxProcesses.Served served = processes.serve("--empty", "--rds-rate-limits");
             SandboxClients aws = new SandboxClients(URI.create(served.endpoint()), SandboxCommand.DEFAULT_REGION)) {
            // WHEN a user calls RDS
            assertThat(aws.rds().describeDBClusters().dbClusters()).isEmpty();

            // THEN it answers, and the startup lines say which limit it enforces
            assertThat(served.outputText()).contains("RDS request rate limit: burst 300, 12 requests/s sustained");
        }
    }

    @Test
    void invoke_should_runHandlerAgainstServedSandbox_and_serveRoutesTheRdsEvent() throws Exception {
        SandboxProcesses processes = new SandboxProcesses(home);
        Path event = Path.of("..", "examples", "events", "scheduled-event.json");
        try (SandboxProcesses.Served served = processes.serve()) {
            // WHEN the user invokes scheduled-snapshot with the verbatim Scheduled Event
            SandboxProcesses.Run run = processes.run(Duration.ofSeconds(90), "invoke", "scheduled-snapshot", "--event", event.toString());

            // THEN the handler's logs and result are printed, and the snapshot is started
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            assertThat(run.stdout()).contains("logs:", "\"action\":\"create\"", "result:", "\"snapshot\" : \"orders-db-scheduled-20151008-1653\"");

            // AND when RDS finishes the snapshot, serve routes RDS-EVENT-0075 to snapshot-available
            awaitOutput(served, "announced Snapshot Available for orders-db-scheduled-20151008-1653");
        }
    }

    @Test
    void serve_should_keepStateAcrossRestart_when_givenStateDir() throws Exception {
        SandboxProcesses processes = new SandboxProcesses(home);
        Path state = home.resolve("state");
        try (SandboxProcesses.Served served = processes.serve("--state", state.toString());
             SandboxClients aws = new SandboxClients(URI.create(served.endpoint()), SandboxCommand.DEFAULT_REGION)) {
            aws.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-db").dbClusterSnapshotIdentifier("kept-across-restart"));
        }
        // WHEN the sandbox starts again on the same state directory
        try (SandboxProcesses.Served served = processes.serve("--state", state.toString());
             SandboxClients aws = new SandboxClients(URI.create(served.endpoint()), SandboxCommand.DEFAULT_REGION)) {
            // THEN the snapshot is still there and the cluster was not seeded a second time
            assertThat(aws.rds().describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier("kept-across-restart")).dbClusterSnapshots()).hasSize(1);
            assertThat(aws.rds().describeDBClusters().dbClusters()).hasSize(1);
            assertThat(served.outputText()).doesNotContain("seeded:").contains("kept across restarts");
        }
    }

    private static void awaitOutput(SandboxProcesses.Served served, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (served.outputText().contains(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(served.outputText()).contains(expected);
    }
}
