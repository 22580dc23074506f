package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.rds.model.DBCluster;

/**
 * Demo chapter: the recovery story. A migration at a known minute breaks things, the alarm fires, the cluster
 * is restored to just before the problem into a new cluster, its instances appear, Restore Completed names
 * the endpoints, and the alarm flapping meanwhile creates nothing more. The source is never touched.
 */
final class RestoreChapter {

    static final String ALARM = "orders-db-error-rate";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter CLOUDWATCH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Narrator narrator;
    private final Simulator simulator;
    private final SandboxClients aws;
    private final EventRouter router;
    private final LambdaInvoker invoker;

    RestoreChapter(Narrator narrator, Simulator simulator, SandboxClients aws, EventRouter router, LambdaInvoker invoker) {
        this.narrator = narrator;
        this.simulator = simulator;
        this.aws = aws;
        this.router = router;
        this.invoker = invoker;
    }

    void run() {
        narrator.chapter("A migration breaks production: restore to just before it");
        router.deliverPending();
        Instant migration = simulator.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plus(Duration.ofMinutes(41));
        simulator.clock().setInstant(migration);
        router.deliverPending();
        DBCluster sourceBefore = cluster(SandboxSeed.CLUSTER);
        narrator.step("The deploy pipeline runs migration 142 on " + SandboxSeed.CLUSTER + ": it drops a column the checkout"
                + " still writes to.");
        narrator.detail("Nothing in RDS changes: the data does. " + SandboxSeed.CLUSTER + " can be restored to any second of "
                + "[" + sourceBefore.earliestRestorableTime() + ", " + sourceBefore.latestRestorableTime() + "].");

        // 03:47: three minutes of errors, evaluated over 1-minute periods, put the alarm in ALARM.
        Instant alarmAt = migration.plus(Duration.ofMinutes(6)).plusSeconds(10);
        simulator.clock().setInstant(alarmAt);
        narrator.step("The CloudWatch alarm " + ALARM + " (metric dimension DBClusterIdentifier=" + SandboxSeed.CLUSTER
                + ") enters ALARM: 3 out of the last 3 one-minute datapoints breached.");
        narrator.detail("EventBridge's \"CloudWatch Alarm State Change\" matches the rule " + EventPatterns.RESTORE_ALARM.ruleName()
                + ", which invokes point-in-time-restore:");
        describe(router.fire(EventPatterns.RESTORE_ALARM, alarmEvent("ALARM", "OK", alarmAt, migration.plus(Duration.ofMinutes(3)))));
        narrator.detail("The restore instant: the evaluated data began at " + migration.plus(Duration.ofMinutes(3))
                + ", minus the 5 minute safety margin (RESTORE_ALARM_SAFETY_MARGIN).");
        String restored = latestRestoredCluster();
        DBCluster shell = cluster(restored);
        narrator.detail("RDS restores " + restored + ": status " + shell.status() + ", no instances yet; copied from the source:"
                + "\n  subnet group " + shell.dbSubnetGroup() + ", security group " + shell.vpcSecurityGroups().get(0).vpcSecurityGroupId()
                + ", cluster parameter group " + shell.dbClusterParameterGroup()
                + "\n  KMS key " + shell.kmsKeyId() + ", port " + shell.port() + ", IAM auth " + shell.iamDatabaseAuthenticationEnabled()
                + ", deletion protection " + shell.deletionProtection());

        simulator.clock().advance(Duration.ofMinutes(4));
        narrator.step("The alarm flaps: OK, then ALARM again, while the restore is in flight.");
        String ok = alarmEvent("OK", "ALARM", simulator.clock().instant(), simulator.clock().instant().minus(Duration.ofMinutes(3)));
        LambdaInvoker.Outcome okOutcome = invoker.invoke(FunctionCatalog.POINT_IN_TIME_RESTORE, ok, Duration.ofMinutes(1));
        narrator.detail("point-in-time-restore: " + summary(okOutcome.value()));
        simulator.clock().advance(Duration.ofMinutes(2));
        describe(router.fire(EventPatterns.RESTORE_ALARM, alarmEvent("ALARM", "OK", simulator.clock().instant(),
                simulator.clock().instant().minus(Duration.ofMinutes(3)))));

        Duration restoreTime = simulator.options().timings().clusterRestore();
        simulator.clock().advance(restoreTime);
        narrator.step("RDS finishes the cluster and publishes RDS-EVENT-0170; the rule " + EventPatterns.RESTORE_PROGRESS_RDS_EVENT.ruleName()
                + " invokes restore-progress, which reads the cluster's tags and creates its writer:");
        describe(router.deliverPending());

        simulator.clock().advance(simulator.options().timings().instanceCreate());
        narrator.step("The writer is available (RDS-EVENT-0005): restore-progress finds everything ready.");
        describe(router.deliverPending());
        completed(restored).ifPresent(done -> narrator.detail("""
                Restore Completed:
                  restored cluster  %s (as of %s)
                  writer endpoint   %s
                  reader endpoint   %s
                  elapsed           %s since the alarm"""
                .formatted(done.path("restoredCluster").asText(), done.path("restoredTo").asText(),
                        done.path("writerEndpoint").asText(), done.path("readerEndpoint").asText(), done.path("elapsed").asText())));

        DBCluster sourceAfter = cluster(SandboxSeed.CLUSTER);
        narrator.step("The source is untouched, for the investigation:");
        narrator.detail(SandboxSeed.CLUSTER + " status " + sourceAfter.status() + ", members " + sourceAfter.dbClusterMembers().size()
                + ", tags unchanged: " + sourceAfter.tagList().equals(sourceBefore.tagList()) + "; clusters in the account: "
                + aws.rds().describeDBClusters().dbClusters().size());
        narrator.step("Restore events on the aurora-guard bus:");
        narrator.detail(DemoText.countByDetailType(simulator.events().onBus(SandboxDefaults.EVENT_BUS).stream()
                .filter(e -> e.detailType().startsWith("Restore ")).toList()));
        narrator.detail("By hand, the same restore is: ./aurora-guard restore --cluster " + SandboxSeed.CLUSTER + " --to "
                + migration.minus(Duration.ofMinutes(1)) + " --reason \"migration 142\"");
    }

    /** The EventBridge "CloudWatch Alarm State Change" for the demo's alarm, shaped like AWS's sample. */
    private String alarmEvent(String state, String previous, Instant changedAt, Instant evaluationStart) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "CloudWatch Alarm State Change");
        event.put("source", "aws.cloudwatch");
        event.put("account", simulator.accountId());
        event.put("time", changedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", simulator.region());
        event.putArray("resources").add("arn:aws:cloudwatch:" + simulator.region() + ":" + simulator.accountId() + ":alarm:" + ALARM);
        ObjectNode detail = event.putObject("detail");
        detail.put("alarmName", ALARM);
        ObjectNode metric = detail.putObject("configuration").putArray("metrics").addObject();
        metric.put("id", "m1");
        ObjectNode stat = metric.putObject("metricStat");
        ObjectNode m = stat.putObject("metric");
        m.putObject("dimensions").put("DBClusterIdentifier", SandboxSeed.CLUSTER);
        m.put("name", "checkout_write_errors");
        m.put("namespace", "Checkout");
        stat.put("period", 60);
        stat.put("stat", "Sum");
        metric.put("returnData", true);
        ObjectNode before = detail.putObject("previousState");
        before.put("value", previous);
        before.put("reason", "Threshold Crossed");
        before.put("timestamp", CLOUDWATCH_TIME.format(changedAt.minus(Duration.ofMinutes(30))));
        ObjectNode now = detail.putObject("state");
        now.put("value", state);
        now.put("reason", "Threshold Crossed: 3 out of the last 3 datapoints were greater than the threshold (10.0)");
        now.put("reasonData", "{\"version\":\"1.0\",\"startDate\":\"" + CLOUDWATCH_TIME.format(evaluationStart)
                + "\",\"statistic\":\"Sum\",\"period\":60,\"threshold\":10.0}");
        now.put("timestamp", CLOUDWATCH_TIME.format(changedAt));
        return event.toString();
    }

    private void describe(List<EventRouter.Delivery> deliveries) {
        for (EventRouter.Delivery delivery : deliveries) {
            if (delivery.functionName().equals(FunctionCatalog.POINT_IN_TIME_RESTORE.functionName())
                    || delivery.functionName().equals(FunctionCatalog.RESTORE_PROGRESS.functionName())) {
                narrator.detail(delivery.functionName() + ": " + (delivery.outcome().failed()
                        ? "FAILED " + MAPPER.valueToTree(delivery.outcome().value()).path("errorMessage").asText()
                        : summary(delivery.outcome().value())));
            }
        }
    }

    /** One line from a restore function's result. */
    private static String summary(Object value) {
        return DemoText.decisionSummary(MAPPER.valueToTree(value));
    }

    private String latestRestoredCluster() {
        List<RecordedEvent> started = simulator.events().onBus(SandboxDefaults.EVENT_BUS).stream()
                .filter(e -> e.detailType().equals(OutcomeEventSchema.RESTORE_STARTED)).toList();
        if (started.isEmpty()) {
            throw new IllegalStateException("the alarm did not start a restore");
        }
        try {
            return MAPPER.readTree(started.get(started.size() - 1).detailJson()).path("restoredCluster").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable Restore Started event", e);
        }
    }

    private java.util.Optional<JsonNode> completed(String restored) {
        return simulator.events().onBus(SandboxDefaults.EVENT_BUS).stream()
                .filter(e -> e.detailType().equals(OutcomeEventSchema.RESTORE_COMPLETED))
                .map(e -> {
                    try {
                        return MAPPER.readTree(e.detailJson());
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        throw new IllegalStateException("unreadable Restore Completed event", ex);
                    }
                })
                .filter(d -> d.path("restoredCluster").asText().equals(restored))
                .findFirst();
    }

    private DBCluster cluster(String id) {
        return aws.cluster(id);
    }
}
