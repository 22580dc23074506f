package dev.auroraguard.simulator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.EventLog;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * EventBridge's event buses and {@code PutEvents}. Accepted events go to the {@link EventLog}; rules and
 * targets are not simulated here (the sandbox's router reads the log).
 *
 * <p>{@code PutEvents} checks what EventBridge checks, with its codes and wording: 1..10 entries and
 * the 256 KB request size (whole-request {@code ValidationException}); per entry, a missing
 * {@code Source}/{@code DetailType}/{@code Detail} ({@code InvalidArgument}), an {@code aws.*} source
 * ({@code NotAuthorizedForSourceException}), a {@code Detail} that is not a JSON object
 * ({@code MalformedDetail}) and an event bus that does not exist ({@code ResourceNotFoundException}).
 * A failed entry has {@code ErrorCode}/{@code ErrorMessage} instead of {@code EventId} and counts in
 * {@code FailedEntryCount}; the other entries are accepted.
 */
public final class EventBridgeService implements StatefulService {

    public static final String DEFAULT_BUS = "default";
    /** EventBridge's limit on the summed entry sizes of one PutEvents request. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** What an entry's {@code Time} counts for in the request size, as EventBridge documents it. */
    private static final int TIME_BYTES = 14;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Bus(String name, String description, Instant creationTime, Instant lastModifiedTime) {
    }

    private final ServiceModel model;
    private final SimClock clock;
    private final EventLog events;
    private final String accountId;
    private final String region;
    private final List<String> configuredBuses;
    private final Map<String, Bus> buses = new TreeMap<>();

    public EventBridgeService(ServiceModel model, SimClock clock, EventLog events, String accountId, String region,
            List<String> extraBuses) {
        this.model = model;
        this.clock = clock;
        this.events = events;
        this.accountId = accountId;
        this.region = region;
        this.configuredBuses = List.copyOf(extraBuses);
        addConfiguredBuses();
    }

    /** {@code default} and the buses the options name always exist, also after a restore. */
    private void addConfiguredBuses() {
        Instant now = clock.instant();
        buses.putIfAbsent(DEFAULT_BUS, new Bus(DEFAULT_BUS, null, now, now));
        for (String name : configuredBuses) {
            buses.putIfAbsent(name, new Bus(name, null, now, now));
        }
    }

    @Override
    public synchronized Map<String, Object> handle(String operation, Map<String, Object> input) {
        return switch (operation) {
            case "PutEvents" -> putEvents(input);
            case "CreateEventBus" -> createEventBus(input);
            case "DescribeEventBus" -> describeEventBus(input);
            case "ListEventBuses" -> listEventBuses(input);
            case "DeleteEventBus" -> deleteEventBus(input);
            default -> throw AwsServiceException.sender("UnsupportedOperation", "The simulator's EventBridge does not implement "
                    + operation + "; it implements PutEvents, CreateEventBus, DescribeEventBus, ListEventBuses and DeleteEventBus.");
        };
    }

    public synchronized List<String> eventBusNames() {
        return List.copyOf(buses.keySet());
    }

    public String eventBusArn(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    // ---- PutEvents ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> putEvents(Map<String, Object> input) {
        List<Object> entries = (List<Object>) input.get("Entries");
        if (entries == null || entries.isEmpty() || entries.size() > 10) {
            int size = entries == null ? 0 : entries.size();
            throw AwsServiceException.sender("ValidationException", "1 validation error detected: Value with " + size
                    + " entries at 'entries' failed to satisfy constraint: Member must have length "
                    + (size == 0 ? "greater than or equal to 1" : "less than or equal to 10"));
        }
        long totalSize = 0;
        for (Object entry : entries) {
            totalSize += entrySize((Map<String, Object>) entry);
        }
        if (totalSize > MAX_REQUEST_BYTES) {
            throw AwsServiceException.sender("ValidationException", "Total size of the entries in the request is over the limit.");
        }
        List<Object> results = new ArrayList<>();
        int failed = 0;
        Instant now = clock.instant();
        for (Object entry : entries) {
            Map<String, Object> result = putEntry((Map<String, Object>) entry, now);
            if (result.containsKey("ErrorCode")) {
                failed++;
            }
            results.add(result);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("FailedEntryCount", failed);
        output.put("Entries", results);
        return output;
    }

    /** EventBridge's documented entry size: Time 14 bytes, Source, DetailType, Detail and Resources in UTF-8. */
    @SuppressWarnings("unchecked")
    static long entrySize(Map<String, Object> entry) {
        long size = entry.get("Time") != null ? TIME_BYTES : 0;
        size += utf8Length((String) entry.get("Source"));
        size += utf8Length((String) entry.get("DetailType"));
        size += utf8Length((String) entry.get("Detail"));
        List<Object> resources = (List<Object>) entry.get("Resources");
        if (resources != null) {
            for (Object resource : resources) {
                size += utf8Length((String) resource);
            }
        }
        return size;
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> putEntry(Map<String, Object> entry, Instant now) {
        String source = (String) entry.get("Source");
        String detailType = (String) entry.get("DetailType");
        String detail = (String) entry.get("Detail");
        for (String[] required : new String[][] {{"Source", source}, {"DetailType", detailType}, {"Detail", detail}}) {
            if (required[1] == null || required[1].isEmpty()) {
                return failure("InvalidArgument", "Parameter " + required[0] + " is not valid. Reason: " + required[0]
                        + " is a required argument.");
            }
        }
        if (source.startsWith("aws.")) {
            return failure("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        if (!isJsonObject(detail)) {
            return failure("MalformedDetail", "Detail is malformed.");
        }
        String requestedBus = (String) entry.get("EventBusName");
        String busName = busName(requestedBus == null || requestedBus.isEmpty() ? DEFAULT_BUS : requestedBus);
        if (busName == null || !buses.containsKey(busName)) {
            return failure("ResourceNotFoundException", "Event bus " + requestedBus + " does not exist.");
        }
        Instant time = entry.get("Time") != null ? (Instant) entry.get("Time") : now;
        List<String> resources = new ArrayList<>();
        List<Object> requestedResources = (List<Object>) entry.get("Resources");
        if (requestedResources != null) {
            requestedResources.forEach(r -> resources.add((String) r));
        }
        String id = UUID.randomUUID().toString();
        events.record(new RecordedEvent(id, time, busName, source, detailType, resources, detail, accountId, region));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("EventId", id);
        return result;
    }

    private static Map<String, Object> failure(String code, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ErrorCode", code);
        result.put("ErrorMessage", message);
        return result;
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The bus name in a name or an ARN of this account and region; null for another account's ARN. */
    private String busName(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String ownPrefix = "arn:aws:events:" + region + ":" + accountId + ":event-bus/";
        return nameOrArn.startsWith(ownPrefix) ? nameOrArn.substring(ownPrefix.length()) : null;
    }

    // ---- event buses -------------------------------------------------------------------------------

    private Map<String, Object> createEventBus(Map<String, Object> input) {
        String name = (String) input.get("Name");
        if (buses.containsKey(name)) {
            throw model.fault("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        if (name.contains("/")) {
            throw AwsServiceException.sender("ValidationException",
                    "Event bus name must not contain '/' unless it is a partner event bus; the simulator has no partner event sources.");
        }
        Instant now = clock.instant();
        String description = (String) input.get("Description");
        buses.put(name, new Bus(name, description, now, now));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("EventBusArn", eventBusArn(name));
        if (description != null) {
            output.put("Description", description);
        }
        return output;
    }

    private Map<String, Object> describeEventBus(Map<String, Object> input) {
        String requested = (String) input.getOrDefault("Name", DEFAULT_BUS);
        String name = busName(requested);
        Bus bus = name == null ? null : buses.get(name);
        if (bus == null) {
            throw model.fault("ResourceNotFoundException", "Event bus " + requested + " does not exist.");
        }
        return busOutput(bus);
    }

    private Map<String, Object> busOutput(Bus bus) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Name", bus.name());
        output.put("Arn", eventBusArn(bus.name()));
        if (bus.description() != null) {
            output.put("Description", bus.description());
        }
        output.put("CreationTime", bus.creationTime());
        output.put("LastModifiedTime", bus.lastModifiedTime());
        return output;
    }

    private Map<String, Object> listEventBuses(Map<String, Object> input) {
        String prefix = (String) input.getOrDefault("NamePrefix", "");
        int limit = (Integer) input.getOrDefault("Limit", 100);
        int start = 0;
        String token = (String) input.get("NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AwsServiceException.sender("ValidationException", "The NextToken is not valid.");
            }
        }
        List<Bus> matching = buses.values().stream().filter(b -> b.name().startsWith(prefix)).toList();
        List<Object> page = new ArrayList<>();
        for (int i = start; i < Math.min(matching.size(), start + limit); i++) {
            page.add(busOutput(matching.get(i)));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("EventBuses", page);
        if (start + limit < matching.size()) {
            output.put("NextToken", Integer.toString(start + limit));
        }
        return output;
    }

    private Map<String, Object> deleteEventBus(Map<String, Object> input) {
        String name = (String) input.get("Name");
        if (DEFAULT_BUS.equals(name)) {
            throw AwsServiceException.sender("ValidationException", "Cannot delete event bus default.");
        }
        // Like EventBridge, deleting a bus that does not exist succeeds.
        buses.remove(name);
        return new LinkedHashMap<>();
    }

    // ---- state -------------------------------------------------------------------------------------

    @Override
    public void settle() {
        // Event buses have no time-driven transitions.
    }

    @Override
    public synchronized String stateJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("eventBuses");
        for (Bus bus : buses.values()) {
            ObjectNode node = array.addObject();
            node.put("name", bus.name());
            if (bus.description() != null) {
                node.put("description", bus.description());
            }
            node.put("creationTime", bus.creationTime().toString());
            node.put("lastModifiedTime", bus.lastModifiedTime().toString());
        }
        return root.toString();
    }

    @Override
    public synchronized void restoreState(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            buses.clear();
            for (JsonNode node : root.path("eventBuses")) {
                String name = node.path("name").asText();
                buses.put(name, new Bus(name, node.hasNonNull("description") ? node.get("description").asText() : null,
                        Instant.parse(node.path("creationTime").asText()), Instant.parse(node.path("lastModifiedTime").asText())));
            }
            addConfiguredBuses();
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("saved EventBridge state is not readable: " + e.getMessage(), e);
        }
    }
}
