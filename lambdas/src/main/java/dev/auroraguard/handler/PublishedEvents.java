package dev.auroraguard.handler;

import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** How a PutEvents result reads in an invocation's return value and in the log, the same in every handler. */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /** {@code {published, failed: [{detailType, errorCode, errorMessage, retryable}]}}. */
    static Map<String, Object> toMap(PublishResult result) {
        return toMap(result, (f, e) -> e.put("detailType", f.event().detailType()));
    }

    /** As {@link #toMap(PublishResult)}, each refused event also naming its cluster when its detail has one. */
    static Map<String, Object> toMapNamingCluster(PublishResult result) {
        return toMap(result, (f, e) -> {
            e.put("detailType", f.event().detailType());
            Object cluster = f.event().detail().get("clusterId");
            if (cluster != null) {
                e.put("cluster", cluster);
            }
        });
    }

    /**
     * {@code {published, failed: [...]}}: {@code identify} puts the fields that say which event was refused,
     * then come errorCode, errorMessage and retryable.
     */
    static Map<String, Object> toMap(PublishResult result, BiConsumer<FailedEvent, Map<String, Object>> identify) {
        Map<String, Object> eventsMap = new LinkedHashMap<>();
        eventsMap.put("published", result.published());
        List<Map<String, Object>> failed = new ArrayList<>();
        for (FailedEvent f : result.failed()) {
            Map<String, Object> e = new LinkedHashMap<>();
            identify.accept(f, e);
            e.put("errorCode", f.errorCode());
            e.put("errorMessage", f.errorMessage());
            e.put("retryable", f.retryable());
            failed.add(e);
        }
        eventsMap.put("failed", failed);
        return eventsMap;
    }

    /**
     * Publishes {@code outbound} (nothing to publish: no call) and logs each refused event as an error; the refusals
     * stay in the result for the caller to report and retry on.
     */
    static PublishResult publish(OutcomeEvents events, List<OutcomeEvent> outbound, StructuredLog log, String eventBusName) {
        PublishResult published = outbound.isEmpty() ? new PublishResult(0, List.of()) : events.publish(outbound);
        for (FailedEvent failed : published.failed()) {
            log.error("outcome event not published to bus " + eventBusName, logFields(failed));
        }
        return published;
    }

    /** The log fields of one refused event: its cluster and snapshot (when its detail names them) and EventBridge's refusal. */
    static Map<String, Object> logFields(FailedEvent failed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cluster", failed.event().detail().get("clusterId"));
        fields.put("snapshot", failed.event().detail().get("snapshotId"));
        fields.put("action", "publish-event");
        fields.put("reason", failed.errorCode());
        fields.put("detailType", failed.event().detailType());
        fields.put("retryable", failed.retryable());
        fields.put("errorMessage", failed.errorMessage());
        return fields;
    }
}
