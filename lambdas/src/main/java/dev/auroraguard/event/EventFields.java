package dev.auroraguard.event;

import dev.auroraguard.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the {@code Map<String, Object>} the Lambda runtime (or the sandbox) hands a handler,
 * with error messages that name the field.
 */
final class EventFields {

    private final Map<String, Object> map;
    private final String where;

    EventFields(Map<String, Object> map, String where) {
        this.map = map;
        this.where = where;
    }

    boolean has(String field) {
        return map.containsKey(field) && map.get(field) != null;
    }

    /** The field's value as parsed (maps, lists, strings, numbers, booleans), or null. */
    Object raw(String field) {
        return map.get(field);
    }

    Optional<Long> optionalLong(String field) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidEventException(where + " field '" + field + "' should be a whole number but is " + Json.typeName(value));
        }
        return Optional.of(n.longValue());
    }

    String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> new InvalidEventException(where + " has no '" + field + "'"));
    }

    Optional<String> optionalString(String field) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new InvalidEventException(where + " field '" + field + "' should be a string but is " + Json.typeName(value));
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    Instant requiredInstant(String field) {
        return parseInstant(field, requiredString(field));
    }

    Optional<Instant> optionalInstant(String field) {
        return optionalString(field).map(text -> parseInstant(field, text));
    }

    Optional<List<String>> optionalStringList(String field) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidEventException(where + " field '" + field + "' should be an array of strings but is "
                    + Json.typeName(value));
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new InvalidEventException(where + " field '" + field + "' should only hold strings but holds "
                        + Json.typeName(item));
            }
            strings.add(s);
        }
        return Optional.of(strings);
    }

    @SuppressWarnings("unchecked")
    EventFields object(String field) {
        Object value = map.get(field);
        if (!(value instanceof Map)) {
            throw new InvalidEventException(where + " field '" + field + "' should be an object but is " + Json.typeName(value));
        }
        return new EventFields((Map<String, Object>) value, where + "." + field);
    }

    private Instant parseInstant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(where + " field '" + field + "' is not an ISO-8601 UTC time: '" + text + "'", e);
        }
    }
}
