package dev.auroraguard.simulator.rds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.simulator.EventLog;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** An RdsSimulator on a manual clock, driven through input maps as the protocol layer would. */
final class RdsFixture {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2025-03-10T12:00:00Z");

    final SimClock clock = SimClock.manual(START);
    final Timings timings = Timings.realistic();
    final EventLog events = new EventLog();
    final RdsSimulator rds;

    RdsFixture() {
        this(100);
    }

    RdsFixture(int manualSnapshotQuota) {
        rds = new RdsSimulator(ServiceModel.load(ServiceModel.RDS), clock, timings, events, ACCOUNT, REGION, manualSnapshotQuota);
        clock.onAdvance(rds::settle);
    }

    Map<String, Object> call(String operation, Object... keysAndValues) {
        return rds.handle(operation, input(keysAndValues));
    }

    static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return input;
    }

    static List<Object> tags(String... keysAndValues) {
        List<Object> tags = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.add(Map.of("Key", keysAndValues[i], "Value", keysAndValues[i + 1]));
        }
        return tags;
    }

    static Map<String, Object> filter(String name, String... values) {
        return Map.of("Name", name, "Values", List.of((Object[]) values));
    }

    Map<String, Object> createCluster(String identifier, Object... extra) {
        List<Object> args = new ArrayList<>(List.of("DBClusterIdentifier", identifier, "Engine", "aurora-postgresql",
                "MasterUsername", "postgres", "MasterUserPassword", "correct-horse-battery"));
        args.addAll(List.of(extra));
        return call("CreateDBCluster", args.toArray());
    }

    /** A cluster that has finished creating (the clock moves on by the creation time). */
    void availableCluster(String identifier, Object... extra) {
        createCluster(identifier, extra);
        clock.advance(timings.clusterCreate());
    }

    void availableSnapshot(String cluster, String snapshot) {
        call("CreateDBClusterSnapshot", "DBClusterIdentifier", cluster, "DBClusterSnapshotIdentifier", snapshot);
        clock.advance(timings.snapshotCreate());
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> cluster(String identifier) {
        List<Object> clusters = (List<Object>) call("DescribeDBClusters", "DBClusterIdentifier", identifier).get("DBClusters");
        return (Map<String, Object>) clusters.get(0);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> snapshot(String identifier) {
        List<Object> snapshots = (List<Object>) call("DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier", identifier)
                .get("DBClusterSnapshots");
        return (Map<String, Object>) snapshots.get(0);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> instance(String identifier) {
        List<Object> instances = (List<Object>) call("DescribeDBInstances", "DBInstanceIdentifier", identifier).get("DBInstances");
        return (Map<String, Object>) instances.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> output, String member) {
        return (List<Map<String, Object>>) output.get(member);
    }

    static void assertFault(String code, int status, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).as("fault code (message: %s)", e.getMessage()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.httpStatus()).as("HTTP status").isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(e.senderFault()).isTrue();
        });
    }

    static String clusterArn(String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":cluster:" + id;
    }

    static String snapshotArn(String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":cluster-snapshot:" + id;
    }

    static String instanceArn(String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:" + id;
    }
}
