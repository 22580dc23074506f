package dev.auroraguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stateDir/state.json}: every stateful service's state and the event log, written whole and
 * atomically (temporary file, then rename) so a crash never leaves half a file behind.
 */
final class StateStore {

    static final String FILE_NAME = "state.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a state file holds. */
    record Snapshot(Map<String, String> serviceStates, List<RecordedEvent> events) {
    }

    private final Path directory;
    private final Path file;
    private String lastWritten;

    StateStore(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** The saved state, or an empty one when there is no file yet. */
    Snapshot load() {
        if (!Files.exists(file)) {
            return new Snapshot(Map.of(), List.of());
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode root = MAPPER.readTree(text);
            if (root.path("format").asInt() != FORMAT) {
                throw new IllegalStateException(file + " has state format " + root.path("format") + "; this simulator reads format "
                        + FORMAT + ". Move the file away to start from an empty state.");
            }
            Map<String, String> services = new LinkedHashMap<>();
            root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue().toString()));
            List<RecordedEvent> events = new ArrayList<>();
            for (JsonNode node : root.path("events")) {
                List<String> resources = new ArrayList<>();
                node.path("resources").forEach(r -> resources.add(r.asText()));
                events.add(new RecordedEvent(node.path("id").asText(), Instant.parse(node.path("time").asText()),
                        node.path("eventBusName").asText(), node.path("source").asText(), node.path("detailType").asText(),
                        resources, node.path("detail").toString(), node.path("account").asText(), node.path("region").asText()));
            }
            lastWritten = text;
            return new Snapshot(services, events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the state if it differs from what was last written or read. */
    void writeIfChanged(Map<String, String> serviceStates, List<RecordedEvent> events) {
        String text = render(serviceStates, events);
        if (text.equals(lastWritten)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            lastWritten = text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write simulator state " + file + ": " + e.getMessage(), e);
        }
    }

    private static String render(Map<String, String> serviceStates, List<RecordedEvent> events) {
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", FORMAT);
            ObjectNode services = root.putObject("services");
            for (Map.Entry<String, String> entry : serviceStates.entrySet()) {
                services.set(entry.getKey(), MAPPER.readTree(entry.getValue()));
            }
            ArrayNode array = root.putArray("events");
            for (RecordedEvent event : events) {
                ObjectNode node = array.addObject();
                node.put("id", event.id());
                node.put("time", event.time().toString());
                node.put("eventBusName", event.eventBusName());
                node.put("source", event.source());
                node.put("detailType", event.detailType());
                ArrayNode resources = node.putArray("resources");
                event.resources().forEach(resources::add);
                node.set("detail", MAPPER.readTree(event.detailJson()));
                node.put("account", event.account());
                node.put("region", event.region());
            }
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("a service's stateJson() is not JSON: " + e.getMessage(), e);
        }
    }
}
