package dev.auroraguard.handler;

import static dev.auroraguard.testing.RestoreTestbed.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.RestoreTestbed;
import dev.auroraguard.testing.RestoreTestbed.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The restore workflow end to end against the simulator, through the real SDK: request or alarm, validated
 * restore, instances, Restore Completed, with RDS events routed by the deployed patterns (or lost).
 */
class RestoreIntegrationTest {

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(RestoreTestbed.BUS).build());

    private RestoreTestbed bed;
    private Timings timings;

    @BeforeEach
    void sourceCluster() {
        bed = new RestoreTestbed(aws);
        timings = bed.simulator().options().timings();
        // GIVEN a production cluster with two days of restorable history
        bed.createSource(Duration.ofDays(2), false);
    }

    private static Map<String, Object> request(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sourceCluster", SOURCE);
        detail.put("reason", "migration 142 dropped a column");
        detail.put("requestedBy", "alice");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }

    private Instant minutesAgo(long minutes) {
        return bed.now().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Lets RDS finish the cluster, then the instances, routing the events RDS publishes. */
    private void letRdsFinish() {
        bed.advance(timings.clusterRestore());
        bed.route();
        bed.advance(timings.instanceCreate());
        bed.route();
    }

    @Test
    void restoreRequested_should_endInRestoreCompletedWithEndpoints_when_everyEventArrives() {
        // GIVEN the source as it is before the restore
        DBCluster sourceBefore = bed.cluster(SOURCE);
        Instant target = minutesAgo(90);

        // WHEN someone asks for the data as it was 90 minutes ago
        bed.putRestoreRequested(request("restoreTo", target.toString()));
        List<Delivery> first = bed.route();

        // THEN the restore starts into a new cluster with the source's settings and our tags
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.function()).isEqualTo("point-in-time-restore");
            assertThat(d.result()).containsEntry("outcome", "started");
        });
        String restored = "orders-db-pitr-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(target);
        DBCluster cluster = bed.cluster(restored);
        assertThat(cluster.status()).isEqualTo("creating");
        assertThat(cluster.dbSubnetGroup()).isEqualTo(RestoreTestbed.SUBNET_GROUP);
        assertThat(cluster.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId()).containsExactly(RestoreTestbed.SECURITY_GROUP);
        assertThat(cluster.dbClusterParameterGroup()).isEqualTo(RestoreTestbed.CLUSTER_PARAMETER_GROUP);
        assertThat(cluster.kmsKeyId()).endsWith(RestoreTestbed.KMS_KEY);
        assertThat(cluster.port()).isEqualTo(5432);
        assertThat(cluster.iamDatabaseAuthenticationEnabled()).isTrue();
        assertThat(cluster.enabledCloudwatchLogsExports()).containsExactly("postgresql");
        assertThat(cluster.deletionProtection()).isTrue();
        assertThat(RestoreTestbed.tags(cluster)).containsEntry("aurora-guard:managed", "true").containsEntry("aurora-guard:kind", "restore")
                .containsEntry("aurora-guard:restored-from", SOURCE).containsEntry("aurora-guard:restore-time", target.toString())
                .containsEntry("aurora-guard:restore-reason", "migration 142 dropped a column")
                .containsEntry("team", "payments").doesNotContainKey("aurora-guard:backup");
        assertThat(bed.simulator().rds().restoreOrigin(restored).orElseThrow().restoredToTime()).isEqualTo(target);
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_STARTED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("restoredCluster", restored).containsEntry("restoredTo", target.toString()));

        // WHEN RDS finishes the cluster (RDS-EVENT-0170), then the instances (RDS-EVENT-0005)
        bed.advance(timings.clusterRestore());
        List<Delivery> clusterCreated = bed.route();
        assertThat(clusterCreated).extracting(Delivery::function).containsExactly("restore-progress");
        List<DBInstance> instances = bed.instancesOf(restored);
        assertThat(instances).singleElement().satisfies(i -> {
            assertThat(i.dbInstanceIdentifier()).isEqualTo(restored + "-1");
            assertThat(i.dbInstanceClass()).isEqualTo("db.r6g.large");
            assertThat(i.dbParameterGroups().get(0).dbParameterGroupName()).isEqualTo(RestoreTestbed.INSTANCE_PARAMETER_GROUP);
        });
        bed.advance(timings.instanceCreate());
        bed.route();

        // THEN Restore Completed says where to connect, to what point in time, and how long it took
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("restoredCluster", restored).containsEntry("sourceCluster", SOURCE)
                    .containsEntry("restoredTo", target.toString())
                    .containsEntry("writerEndpoint", bed.cluster(restored).endpoint())
                    .containsEntry("readerEndpoint", bed.cluster(restored).readerEndpoint())
                    .containsEntry("elapsedSeconds", timings.clusterRestore().plus(timings.instanceCreate()).toSeconds());
            assertThat((List<?>) d.get("instances")).hasSize(1);
        });
        assertThat(RestoreTestbed.tags(bed.cluster(restored))).containsKey("aurora-guard:restore-completed");
        // AND the source was not touched
        DBCluster sourceAfter = bed.cluster(SOURCE);
        assertThat(sourceAfter.status()).isEqualTo(sourceBefore.status());
        assertThat(sourceAfter.tagList()).isEqualTo(sourceBefore.tagList());
        assertThat(sourceAfter.dbClusterMembers()).isEqualTo(sourceBefore.dbClusterMembers());
        assertThat(bed.simulator().faults().calls("ModifyDBCluster") + bed.simulator().faults().calls("DeleteDBCluster")).isZero();
    }

    @Test
    void sweep_should_finishTheRestore_when_everyRdsEventIsLost() {
        // GIVEN a started restore whose RDS events EventBridge never delivers
        bed.putRestoreRequested(request("restoreTo", "latest"));
        bed.route();
        String restored = (String) bed.outcomes(OutcomeEventSchema.RESTORE_STARTED).get(0).get("restoredCluster");
        bed.simulator().faults().resetCounters();

        // WHEN the sweep runs while RDS is still restoring, and after each step
        bed.sweep();
        assertThat(bed.instancesOf(restored)).isEmpty();
        assertThat(bed.simulator().faults().calls("CreateDBInstance")).as("no instance is asked for while the cluster is creating").isZero();
        bed.advance(timings.clusterRestore());
        bed.dropNewEvents();
        bed.sweep();
        bed.advance(timings.instanceCreate());
        bed.dropNewEvents();
        bed.sweep();

        // THEN the restore completed all the same, once
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("restoredCluster", restored));
        bed.sweep();
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED)).hasSize(1);
    }

    @Test
    void createInstance_should_reportClusterNotReady_when_rdsRefusesWhileTheClusterIsCreating() {
        // GIVEN a restore RDS is still creating
        bed.putRestoreRequested(request("restoreTo", "latest"));
        String restored = (String) bed.route().get(0).result().get("restoredCluster");
        dev.auroraguard.aws.RdsClusterRestores rds = new dev.auroraguard.aws.RdsClusterRestores(bed.rds());
        dev.auroraguard.domain.restore.RestoredCluster restore = dev.auroraguard.domain.restore.RestoredCluster
                .from(rds.describeCluster(restored).orElseThrow()).orElseThrow();

        // WHEN an instance is asked for anyway (a describe that raced the cluster's state)
        var result = rds.createInstance(restore, restore.plan().get(0), Map.of());

        // THEN RDS's refusal is "not ready yet", which the reconciler waits out, and nothing was created
        assertThat(result).isInstanceOf(dev.auroraguard.port.ClusterRestores.ClusterNotReady.class);
        assertThat(bed.instancesOf(restored)).isEmpty();
    }

    @Test
    void duplicateAndOutOfOrderEvents_should_createOneClusterAndOneSetOfInstances() {
        // GIVEN the same request delivered twice (EventBridge delivers at least once)
        Map<String, Object> detail = request("restoreTo", minutesAgo(30).toString());
        bed.putRestoreRequested(detail);
        bed.putRestoreRequested(detail);
        List<Delivery> deliveries = bed.route();

        // THEN one cluster; the second delivery finds its own restore
        assertThat(deliveries).extracting(d -> d.result().get("outcome")).containsExactly("started", "already-started");
        assertThat(bed.clusters()).hasSize(2);
        String restored = (String) deliveries.get(0).result().get("restoredCluster");

        // WHEN an RDS event about the restored cluster arrives before the cluster is available (out of order)
        Map<String, Object> early = dev.auroraguard.event.EventFixtures.load("rds-cluster-event.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> earlyDetail = (Map<String, Object>) early.get("detail");
        earlyDetail.put("EventID", "RDS-EVENT-0170");
        earlyDetail.put("SourceArn", bed.cluster(restored).dbClusterArn());
        Delivery tooEarly = bed.deliver(EventPatterns.RESTORE_PROGRESS_RDS_EVENT, early);
        assertThat(tooEarly.failed()).isFalse();
        assertThat(bed.instancesOf(restored)).isEmpty();

        // AND the real events arrive, some of them twice
        bed.advance(timings.clusterRestore());
        bed.route();
        bed.deliver(EventPatterns.RESTORE_PROGRESS_RDS_EVENT, early);
        bed.advance(timings.instanceCreate());
        bed.route();
        bed.deliver(EventPatterns.RESTORE_PROGRESS_RDS_EVENT, early);
        bed.putRestoreRequested(detail);
        bed.route();

        // THEN one instance and one Restore Completed
        assertThat(bed.instancesOf(restored)).hasSize(1);
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED)).hasSize(1);
        assertThat(bed.clusters()).hasSize(2);
    }

    @Test
    void alarm_should_restoreJustBeforeTheProblem_and_flappingShouldNotCreateAFleet() {
        // GIVEN restores configured with a 5 minute margin and a one hour cooldown (the defaults)
        Instant changed = bed.now().minus(Duration.ofMinutes(6));

        // WHEN the alarm enters ALARM (EventBridge delivery through the deployed rule)
        Delivery first = bed.deliver(EventPatterns.RESTORE_ALARM, bed.alarmEvent("orders-db-errors", SOURCE, "ALARM", "OK", changed));

        // THEN it restores to the state change minus the evaluated period (300 s) minus the margin
        Instant expected = changed.minusSeconds(300).minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(first.result()).containsEntry("outcome", "started").containsEntry("restoredTo", expected.toString());

        // WHEN it flaps: OK, then ALARM again while the restore is in flight
        Map<String, Object> ok = bed.restoreHandler().handleRequest(bed.alarmEvent("orders-db-errors", SOURCE, "OK", "ALARM", bed.now()), null);
        Map<String, Object> repeat = bed.restoreHandler().handleRequest(
                bed.alarmEvent("orders-db-errors", SOURCE, "ALARM", "ALARM", bed.now()), null);
        bed.advance(Duration.ofMinutes(1));
        Delivery again = bed.deliver(EventPatterns.RESTORE_ALARM, bed.alarmEvent("orders-db-errors", SOURCE, "ALARM", "OK", bed.now()));

        // THEN OK and ALARM->ALARM are acknowledged and ignored, and the new ALARM waits for the restore in flight
        assertThat(ok).containsEntry("outcome", "ignored").containsEntry("reason", "not-alarm");
        assertThat(repeat).containsEntry("outcome", "ignored").containsEntry("reason", "alarm-repeat");
        assertThat(again.result()).containsEntry("outcome", "skipped").containsEntry("reason", "restore-in-flight");

        // WHEN the restore completes and the alarm fires again within the hour, then after it
        letRdsFinish();
        Delivery cooled = bed.deliver(EventPatterns.RESTORE_ALARM, bed.alarmEvent("orders-db-errors", SOURCE, "ALARM", "OK", bed.now()));
        bed.advance(Duration.ofMinutes(61));
        Delivery later = bed.deliver(EventPatterns.RESTORE_ALARM, bed.alarmEvent("orders-db-errors", SOURCE, "ALARM", "OK", bed.now()));

        // THEN the cooldown holds the first back, and the second restores again
        assertThat(cooled.result()).containsEntry("outcome", "skipped").containsEntry("reason", "cooldown");
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_SKIPPED)).extracting(d -> d.get("skipReason"))
                .containsExactly("restore-in-flight", "cooldown");
        assertThat(later.result()).containsEntry("outcome", "started");
        assertThat(bed.clusters()).hasSize(3);
    }

    @Test
    void alarmAction_should_useTheConfiguredCluster_when_theAlarmHasNoClusterDimension() {
        // GIVEN the alarm mapped to the source, invoked directly by its alarm action (the AWS sample payload, moved to now)
        bed.configure(Map.of("RESTORE_ALARMS", "lambda-demo-metric-alarm=" + SOURCE));
        Map<String, Object> payload = dev.auroraguard.event.EventFixtures.load("cloudwatch-alarm-lambda-action.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) ((Map<String, Object>) payload.get("alarmData")).get("state");
        state.put("timestamp", bed.now().toString());

        // WHEN
        Map<String, Object> result = bed.restoreHandler().handleRequest(payload, null);

        // THEN the mapped cluster is restored to the change minus the metric's period (60 s) minus the margin
        assertThat(result).containsEntry("outcome", "started").containsEntry("sourceCluster", SOURCE)
                .containsEntry("restoredTo", bed.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Test
    void alarm_should_publishRestoreFailedAndCreateNothing_when_noClusterCanBeFound() {
        // WHEN an alarm without a DBClusterIdentifier dimension and without a mapping fires
        Delivery delivery = bed.deliver(EventPatterns.RESTORE_ALARM, bed.alarmEvent("checkout-latency", null, "ALARM", "OK", bed.now()));

        // THEN a clear error event, and nothing restored
        assertThat(delivery.result()).containsEntry("outcome", "failed").containsEntry("reason", "no-cluster-for-alarm");
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_FAILED)).singleElement().satisfies(d ->
                assertThat((String) d.get("message")).contains("checkout-latency").contains("RESTORE_ALARMS"));
        assertThat(bed.clusters()).hasSize(1);
        assertThat(bed.simulator().faults().calls("RestoreDBClusterToPointInTime")).isZero();
    }

    @Test
    void restoreRequested_should_refuseWithTheWindow_when_beforeEarliest_and_clampToLatest_when_after() {
        // WHEN one request is older than the retention allows and another is in the future
        bed.putRestoreRequested(request("restoreTo", bed.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString()));
        bed.putRestoreRequested(request("restoreTo", bed.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "targetCluster", "orders-db-latest"));
        List<Delivery> deliveries = bed.route();

        // THEN the first is refused naming the window, and nothing is created for it
        assertThat(deliveries.get(0).result()).containsEntry("outcome", "failed").containsEntry("reason", "before-restore-window");
        assertThat((String) bed.outcomes(OutcomeEventSchema.RESTORE_FAILED).get(0).get("message")).contains("restorable window is [");
        // AND the second restores to the latest restorable time, and says so
        Instant latest = bed.cluster(SOURCE).latestRestorableTime().truncatedTo(ChronoUnit.SECONDS);
        assertThat(deliveries.get(1).result()).containsEntry("outcome", "started").containsEntry("restoredCluster", "orders-db-latest")
                .containsKey("clampedFrom");
        assertThat(bed.simulator().rds().restoreOrigin("orders-db-latest").orElseThrow().restoredToTime()).isBeforeOrEqualTo(latest);
        assertThat(bed.clusters()).hasSize(2);
    }

    @Test
    void restoreRequested_should_publishRestoreFailedAndCreateNothing_when_theRequestIsBad() {
        // WHEN: copy-on-write to a point in time, an unknown source, an invalid target, both a time and a snapshot
        bed.putRestoreRequested(request("restoreTo", minutesAgo(10).toString(), "restoreType", "copy-on-write"));
        bed.putRestoreRequested(request("sourceCluster", "ghost-db", "restoreTo", "latest"));
        bed.putRestoreRequested(request("restoreTo", "latest", "targetCluster", "Bad_Name"));
        bed.putRestoreRequested(request("restoreTo", "latest", "fromSnapshot", "orders-db-before-migration"));
        bed.putRestoreRequested(request("restoreTo", "yesterday"));
        List<Delivery> deliveries = bed.route();

        // THEN each gets a Restore Failed with the reason, and no cluster is created
        assertThat(deliveries).extracting(d -> d.result().get("reason")).containsExactly("invalid-request", "source-not-found",
                "invalid-request", "invalid-request", "invalid-request");
        List<Map<String, Object>> failures = bed.outcomes(OutcomeEventSchema.RESTORE_FAILED);
        assertThat(failures).hasSize(5);
        assertThat((String) failures.get(0).get("message")).contains("copy-on-write").contains("latest");
        assertThat(bed.clusters()).hasSize(1);
    }

    @Test
    void restoreRequested_should_cloneTheLatestState_when_copyOnWrite() {
        // WHEN
        bed.putRestoreRequested(request("restoreTo", "latest", "restoreType", "copy-on-write"));
        List<Delivery> deliveries = bed.route();

        // THEN a copy-on-write clone of the latest restorable state
        String restored = (String) deliveries.get(0).result().get("restoredCluster");
        assertThat(bed.simulator().rds().restoreOrigin(restored).orElseThrow().restoreType()).isEqualTo("copy-on-write");
    }

    @Test
    void restoreRequested_should_restoreFromTheSnapshot_when_fromSnapshotIsGiven() {
        // GIVEN a manual snapshot of the source, taken before a migration
        bed.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier(SOURCE).dbClusterSnapshotIdentifier("orders-db-before-migration"));
        bed.advance(timings.snapshotCreate());
        bed.dropNewEvents();

        // WHEN
        bed.putRestoreRequested(request("fromSnapshot", "orders-db-before-migration"));
        bed.route();
        letRdsFinish();

        // THEN the cluster is restored from the snapshot, with the source's settings, and completes
        Map<String, Object> completed = bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED).get(0);
        String restored = (String) completed.get("restoredCluster");
        assertThat(restored).startsWith("orders-db-snap-");
        assertThat(completed).containsEntry("snapshot", "orders-db-before-migration");
        assertThat(bed.simulator().rds().restoreOrigin(restored).orElseThrow().sourceSnapshotArn()).endsWith(":orders-db-before-migration");
        assertThat(bed.cluster(restored).dbClusterParameterGroup()).isEqualTo(RestoreTestbed.CLUSTER_PARAMETER_GROUP);
        assertThat(bed.cluster(restored).dbSubnetGroup()).isEqualTo(RestoreTestbed.SUBNET_GROUP);
    }

    @Test
    void workflow_should_complete_when_rdsThrottlesThroughout() {
        // GIVEN a third of all calls throttled
        bed.simulator().faults().throttle("*", 0.33);

        // WHEN the whole workflow runs, the sweep standing in for Lambda's retries of failed invocations
        bed.putRestoreRequested(request("restoreTo", minutesAgo(20).toString()));
        for (int i = 0; i < 3 && bed.outcomes(OutcomeEventSchema.RESTORE_STARTED).isEmpty(); i++) {
            bed.route();
        }
        for (int minute = 0; minute < 60 && bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED).isEmpty(); minute += 5) {
            bed.advance(Duration.ofMinutes(5));
            bed.route();
            try {
                bed.sweep();
            } catch (RetryableFailureException | dev.auroraguard.port.ServiceCallException e) {
                // Lambda retries a failed invocation; the next sweep comes anyway
            }
        }

        // THEN it completed with exactly one restored cluster and one set of instances
        assertThat(bed.simulator().faults().throttledCount()).isPositive();
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED)).hasSize(1);
        bed.simulator().faults().clear();
        assertThat(bed.clusters()).hasSize(2);
        assertThat(bed.simulator().rds().instanceCount()).isEqualTo(3);
    }

    @Test
    void serverlessSource_should_getItsScalingAndServerlessInstances() {
        // GIVEN a Serverless v2 source next to the provisioned one
        RestoreTestbed serverless = bed;
        serverless.rds().deleteDBInstance(b -> b.dbInstanceIdentifier(SOURCE + "-2"));
        // (reuse the fixture: a second, serverless, source)
        var rds = bed.rds();
        rds.createDBCluster(b -> b.dbClusterIdentifier("events-db").engine("aurora-postgresql").masterUsername("events_admin")
                .manageMasterUserPassword(true).backupRetentionPeriod(3)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(8.0)));
        bed.advance(timings.clusterCreate());
        rds.createDBInstance(b -> b.dbInstanceIdentifier("events-db-1").dbClusterIdentifier("events-db").engine("aurora-postgresql")
                .dbInstanceClass("db.serverless"));
        bed.advance(timings.instanceCreate().plus(Duration.ofHours(3)));
        bed.dropNewEvents();

        // WHEN
        bed.putRestoreRequested(Map.of("sourceCluster", "events-db", "restoreTo", "latest", "reason", "test", "requestedBy", "bob"));
        bed.route();
        letRdsFinish();

        // THEN the restored cluster has the scaling and a db.serverless writer
        Map<String, Object> completed = bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED).get(0);
        String restored = (String) completed.get("restoredCluster");
        assertThat(bed.cluster(restored).serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(8.0);
        assertThat(bed.instancesOf(restored)).singleElement().satisfies(i -> assertThat(i.dbInstanceClass()).isEqualTo("db.serverless"));
    }
}
