package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.RecordedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The benchmark's events, shaped as AWS delivers them (see the verbatim fixtures under lambdas/src/test/resources). */
final class Events {

    private Events() {
    }

    /** An EventBridge Scheduled Event fired at {@code time}. */
    static String scheduled(Instant time) {
        return scheduled(time, "aurora-guard-bench");
    }

    /** An EventBridge Scheduled Event of rule {@code ruleName} fired at {@code time}. */
    static String scheduled(Instant time, String ruleName) {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",\
                "account":"123456789012","time":"%s","region":"eu-west-1",\
                "resources":["arn:aws:events:eu-west-1:123456789012:rule/%s"],"detail":{}}"""
                .formatted(UUID.randomUUID(), time, ruleName);
    }

    /**
     * aurora-guard's {@code Restore Requested} on its bus, as {@code ./aurora-guard restore} sends it and EventBridge
     * delivers it (fixture {@code restore-requested.json}), naming its target cluster.
     */
    static String restoreRequested(Instant time, String sourceCluster, Instant restoreTo, String targetCluster, String reason,
                                   String requestedBy) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sourceCluster", sourceCluster);
        detail.put("restoreTo", restoreTo.toString());
        detail.put("targetCluster", targetCluster);
        detail.put("reason", reason);
        detail.put("requestedBy", requestedBy);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", "Restore Requested");
        envelope.put("source", "aurora-guard.cli");
        envelope.put("account", "123456789012");
        envelope.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        envelope.put("region", BenchSimulator.REGION);
        envelope.put("resources", List.of());
        envelope.put("detail", detail);
        return Json.write(envelope);
    }

    /**
     * The last event RDS published about {@code sourceIdentifier} with RDS event id {@code rdsEventId} (e.g.
     * RDS-EVENT-0075), as EventBridge delivers it to a rule's target.
     *
     * @throws IllegalStateException when RDS published no such event (the scenario's set-up went wrong)
     */
    static String fromRds(BenchSimulator simulator, String detailType, String rdsEventId, String sourceIdentifier) {
        List<RecordedEvent> events = simulator.simulator().events().withDetailType(detailType);
        for (int i = events.size() - 1; i >= 0; i--) {
            RecordedEvent event = events.get(i);
            Map<String, Object> detail = Json.parseObject(event.detailJson());
            if (rdsEventId.equals(detail.get("EventID")) && sourceIdentifier.equals(detail.get("SourceIdentifier"))) {
                return event.envelopeJson();
            }
        }
        throw new IllegalStateException("RDS published no " + rdsEventId + " '" + detailType + "' for " + sourceIdentifier);
    }
}
