package dev.auroraguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One event as EventBridge holds it after a successful PutEvents, or as RDS publishes it
 * ({@code source} {@code aws.rds}, on the {@code default} bus).
 *
 * @param detailJson the {@code detail} object as JSON text
 */
public record RecordedEvent(
        String id,
        Instant time,
        String eventBusName,
        String source,
        String detailType,
        List<String> resources,
        String detailJson,
        String account,
        String region) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RecordedEvent {
        resources = List.copyOf(resources);
    }

    /** The envelope a rule target receives, exactly as EventBridge delivers it (time to the second). */
    public String envelopeJson() {
        try {
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.put("version", "0");
            envelope.put("id", id);
            envelope.put("detail-type", detailType);
            envelope.put("source", source);
            envelope.put("account", account);
            envelope.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
            envelope.put("region", region);
            ArrayNode resourceArray = envelope.putArray("resources");
            resources.forEach(resourceArray::add);
            JsonNode detail = MAPPER.readTree(detailJson);
            envelope.set("detail", detail);
            return MAPPER.writeValueAsString(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("recorded event " + id + " has a detail that is not JSON", e);
        }
    }
}
