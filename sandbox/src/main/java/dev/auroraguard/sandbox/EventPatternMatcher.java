package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * EventBridge's event pattern matching, for the sandbox's router: a pattern matches an event when every
 * field it names matches. A leaf is an array of alternatives: literal strings, numbers, booleans or null,
 * or the filters {@code prefix}, {@code suffix}, {@code anything-but}, {@code exists}, {@code numeric}
 * and {@code equals-ignore-case}. Arrays in the event match when any element matches.
 */
public final class EventPatternMatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode pattern;

    private EventPatternMatcher(JsonNode pattern) {
        if (!pattern.isObject()) {
            throw new IllegalArgumentException("an event pattern is a JSON object: " + pattern);
        }
        this.pattern = pattern;
    }

    public static EventPatternMatcher of(String patternJson) {
        try {
            return new EventPatternMatcher(MAPPER.readTree(patternJson));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("event pattern is not JSON: " + patternJson, e);
        }
    }

    public boolean matches(String eventJson) {
        try {
            return matchesObject(pattern, MAPPER.readTree(eventJson));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("event is not JSON", e);
        }
    }

    private static boolean matchesObject(JsonNode patternObject, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = patternObject.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            JsonNode rule = field.getValue();
            boolean ok = rule.isObject() ? value != null && value.isObject() && matchesObject(rule, value) : matchesLeaf(rule, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesLeaf(JsonNode alternatives, JsonNode value) {
        if (!alternatives.isArray()) {
            throw new IllegalArgumentException("a pattern leaf must be an array of alternatives: " + alternatives);
        }
        List<JsonNode> candidates = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(candidates::add);
        } else {
            candidates.add(value);
        }
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                boolean wanted = alternative.get("exists").asBoolean();
                if (wanted == (value != null && !value.isNull())) {
                    return true;
                }
                continue;
            }
            for (JsonNode candidate : candidates) {
                if (candidate != null && matchesOne(alternative, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode alternative, JsonNode candidate) {
        if (!alternative.isObject()) {
            if (alternative.isNumber() && candidate.isNumber()) {
                return alternative.decimalValue().compareTo(candidate.decimalValue()) == 0;
            }
            return alternative.equals(candidate);
        }
        if (alternative.has("prefix")) {
            return candidate.isTextual() && candidate.asText().startsWith(alternative.get("prefix").asText());
        }
        if (alternative.has("suffix")) {
            return candidate.isTextual() && candidate.asText().endsWith(alternative.get("suffix").asText());
        }
        if (alternative.has("equals-ignore-case")) {
            return candidate.isTextual() && candidate.asText().equalsIgnoreCase(alternative.get("equals-ignore-case").asText());
        }
        if (alternative.has("anything-but")) {
            JsonNode excluded = alternative.get("anything-but");
            if (excluded.isObject() && excluded.has("prefix")) {
                return candidate.isTextual() && !candidate.asText().startsWith(excluded.get("prefix").asText());
            }
            if (excluded.isArray()) {
                for (JsonNode e : excluded) {
                    if (matchesOne(e, candidate)) {
                        return false;
                    }
                }
                return true;
            }
            return !matchesOne(excluded, candidate);
        }
        if (alternative.has("numeric")) {
            return candidate.isNumber() && matchesNumeric(alternative.get("numeric"), candidate.asDouble());
        }
        throw new IllegalArgumentException("unsupported pattern filter: " + alternative);
    }

    private static boolean matchesNumeric(JsonNode conditions, double value) {
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            String operator = conditions.get(i).asText();
            double bound = conditions.get(i + 1).asDouble();
            boolean ok = switch (operator) {
                case "=" -> value == bound;
                case "<" -> value < bound;
                case "<=" -> value <= bound;
                case ">" -> value > bound;
                case ">=" -> value >= bound;
                default -> throw new IllegalArgumentException("unsupported numeric operator " + operator);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
