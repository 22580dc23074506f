package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Demo chapter: two months of nightly snapshots, the cleanup's dry run, then the opted-in real runs. */
final class CleanupChapter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Narrator narrator;
    private final Simulator simulator;
    private final SandboxClients aws;
    private final EventRouter router;

    CleanupChapter(Narrator narrator, Simulator simulator, SandboxClients aws, EventRouter router) {
        this.narrator = narrator;
        this.simulator = simulator;
        this.aws = aws;
        this.router = router;
    }

    void run(Instant firstNight, int nights) {
        narrator.chapter("Retention cleanup");
        narrator.step("Two months pass: the schedule snapshots orders-db every night at 03:00 (" + nights + " nights).");
        for (int night = 0; night < nights; night++) {
            nightlySnapshot(firstNight.plus(Duration.ofDays(night)));
        }
        narrator.detail("manual snapshots of orders-db: " + aws.manualSnapshotCount() + " (the account's quota is 100)");

        simulator.clock().setInstant(firstNight.plus(Duration.ofDays(nights - 1)).plus(Duration.ofHours(1)));
        narrator.step("04:00: snapshot-cleanup runs with its default, a dry run, and this policy:");
        narrator.detail(SandboxDefaults.RETENTION_POLICY);
        LambdaInvoker.Outcome dryRun = cleanup(new HashMap<>());
        narrator.detail(planTable(dryRun));
        narrator.detail("(later: planned for deletion, but past this run's deletion budget)");
        narrator.detail(summary(dryRun));

        narrator.step("The operator reads the plan and opts in (CLEANUP_DRY_RUN=false). The real run deletes at most"
                + "\nCLEANUP_DELETION_BUDGET snapshots (default 10), oldest first, paced, and leaves the rest for later runs:");
        Map<String, String> optedIn = Map.of(SnapshotCleanupSettings.DRY_RUN, "false",
                SnapshotCleanupSettings.DELETES_PER_SECOND, "10");
        LambdaInvoker realRuns = new LambdaInvoker(simulator.endpoint(), simulator.region(), withDefaults(optedIn));
        for (int run = 1; run <= 10; run++) {
            LambdaInvoker.Outcome outcome = realRuns.invoke(function(), scheduleEvent(), Duration.ofMinutes(5));
            narrator.detail("night " + run + ": " + summary(outcome));
            if (outcome.failed() || total(result(outcome), "deferred") + total(result(outcome), "deferredByBudget") == 0) {
                break;
            }
            simulator.clock().advance(Duration.ofDays(1));
        }
        narrator.detail("manual snapshots of orders-db now: " + aws.manualSnapshotCount()
                + "; the hand-made orders-db-before-hotfix is untouched (no aurora-guard:managed tag).");
        narrator.step("Each run publishes Cleanup Completed per cluster:");
        narrator.detail(DemoText.countByDetailType(simulator.events().onBus(SandboxDefaults.EVENT_BUS)));
    }

    private void nightlySnapshot(Instant night) {
        simulator.clock().setInstant(night);
        EventPatterns schedule = EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE;
        for (EventRouter.Delivery delivery : router.fire(schedule,
                router.scheduledEvent(schedule, UUID.randomUUID().toString(), night))) {
            if (delivery.outcome().failed()) {
                narrator.detail(DemoText.outcomeLine(delivery));
            }
        }
        simulator.clock().advance(Duration.ofMinutes(5));
        router.deliverPending();
    }

    private LambdaInvoker.Outcome cleanup(Map<String, String> environment) {
        return new LambdaInvoker(simulator.endpoint(), simulator.region(), withDefaults(environment))
                .invoke(function(), scheduleEvent(), Duration.ofMinutes(5));
    }

    private String scheduleEvent() {
        return router.scheduledEvent(EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE, UUID.randomUUID().toString(), simulator.clock().instant());
    }

    private static FunctionCatalog function() {
        return FunctionCatalog.byName("snapshot-cleanup").orElseThrow();
    }

    private static Map<String, String> withDefaults(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(SandboxDefaults.functionEnvironment());
        all.putAll(environment);
        return all;
    }

    /** The plan as the function logged it: one line per snapshot, newest first. */
    private static String planTable(LambdaInvoker.Outcome outcome) {
        StringBuilder table = new StringBuilder(String.format("%-7s %-36s %s%n", "ACTION", "SNAPSHOT", "REASONS"));
        for (String line : outcome.logLines()) {
            JsonNode log = parse(line);
            String action = log.path("action").asText();
            for (JsonNode code : log.path("reasonCodes")) {
                if (code.asText().equals("BUDGET_EXHAUSTED")) {
                    action = "later";
                }
            }
            if (log.has("snapshot") && List.of("keep", "delete", "defer", "later").contains(action)) {
                table.append(String.format("%-7s %-36s %s%n", action, log.path("snapshot").asText(), log.path("reason").asText()));
            }
        }
        return table.toString().stripTrailing();
    }

    private static String summary(LambdaInvoker.Outcome outcome) {
        if (outcome.failed()) {
            return "snapshot-cleanup FAILED: " + result(outcome).path("errorMessage").asText();
        }
        JsonNode result = result(outcome);
        return (result.path("dryRun").asBoolean() ? "dry run: would delete " : "deleted ") + total(result, "deleted")
                + ", keep " + (total(result, "kept") - total(result, "deferredByBudget"))
                + ", left for later runs " + (total(result, "deferred") + total(result, "deferredByBudget"));
    }

    private static int total(JsonNode result, String field) {
        int sum = 0;
        for (JsonNode cluster : result.path("clusters")) {
            sum += cluster.path(field).asInt();
        }
        return sum;
    }

    private static JsonNode result(LambdaInvoker.Outcome outcome) {
        return MAPPER.valueToTree(outcome.value());
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MAPPER.createObjectNode();
        }
    }

}
