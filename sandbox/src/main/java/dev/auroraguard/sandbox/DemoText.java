package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns function results and events into the demo's one-line summaries. */
final class DemoText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoText() {
    }

    /** One line per cluster or snapshot the function acted on, read from its result (or its error). */
    static String outcomeLine(EventRouter.Delivery delivery) {
        JsonNode result = MAPPER.valueToTree(delivery.outcome().value());
        String function = delivery.functionName();
        if (delivery.outcome().failed()) {
            return function + " FAILED: " + result.path("errorMessage").asText();
        }
        List<String> lines = new ArrayList<>();
        for (String outcome : List.of("succeeded", "skipped", "failed")) {
            for (JsonNode entry : result.path(outcome)) {
                lines.add(function + ": " + entry.path("cluster").asText() + " -> " + entry.path("snapshot").asText()
                        + " " + outcome + " (" + entry.path("reason").asText()
                        + (entry.hasNonNull("snapshotStatus") ? ", snapshot " + entry.path("snapshotStatus").asText() : "") + ")");
            }
        }
        for (JsonNode entry : result.path("announced")) {
            lines.add(function + ": announced Snapshot Available for " + entry.path("snapshot").asText()
                    + " (confirmed by " + entry.path("confirmedBy").asText() + ")");
        }
        if (lines.isEmpty()) {
            lines.add(function + ": " + decisionSummary(result));
        }
        return String.join("\n", lines);
    }

    /**
     * The restore functions' results: one {@code outcome} with its reason (point-in-time-restore), or the
     * decisions a reconciler pass took (restore-progress), leaving out clusters that are not restores.
     */
    static String decisionSummary(JsonNode result) {
        if (result.has("outcome")) {
            return result.path("outcome").asText() + " (" + result.path("reason").asText() + ") - " + result.path("message").asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode decision : result.path("decisions")) {
            if (!decision.path("reason").asText().equals("not-a-restore")) {
                text.append(text.length() == 0 ? "" : "; ").append(decision.path("action").asText()).append(" (")
                        .append(decision.path("reason").asText()).append(") - ").append(decision.path("message").asText());
            }
        }
        return text.length() == 0 ? "nothing to do" : text.toString();
    }

    static String countByDetailType(List<RecordedEvent> events) {
        Map<String, Long> counts = events.stream()
                .collect(Collectors.groupingBy(RecordedEvent::detailType, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> String.format("%-24s %d", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** The first block of an event id, enough to tell events apart in the narration. */
    static String shortId(String envelopeJson) {
        try {
            return MAPPER.readTree(envelopeJson).path("id").asText().substring(0, 8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope", e);
        }
    }
}
