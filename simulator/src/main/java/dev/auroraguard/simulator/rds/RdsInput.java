package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, validated access to one request's input map (the protocol layer's value conventions). */
final class RdsInput {

    private final Map<String, Object> values;

    RdsInput(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    boolean has(String member) {
        return values.get(member) != null;
    }

    Optional<String> string(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw wrongType(member, "a string", value);
    }

    String requiredString(String member) {
        String value = string(member).orElseThrow(() -> RdsFaults.missingParameter(member));
        if (value.isBlank()) {
            throw RdsFaults.invalidParameterValue("The parameter " + member + " must be provided and must not be blank.");
        }
        return value;
    }

    Optional<Boolean> bool(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        throw wrongType(member, "a boolean", value);
    }

    boolean flag(String member) {
        return bool(member).orElse(false);
    }

    /** A structure member (a map keyed by the model's member names). */
    @SuppressWarnings("unchecked")
    Optional<RdsInput> structure(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new RdsInput((Map<String, Object>) map));
        }
        throw wrongType(member, "a structure", value);
    }

    Optional<Double> doubleValue(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        throw wrongType(member, "a number", value);
    }

    Optional<Integer> integer(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer number) {
            return Optional.of(number);
        }
        throw wrongType(member, "an integer", value);
    }

    Optional<Long> longValue(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long number) {
            return Optional.of(number);
        }
        if (value instanceof Integer number) {
            return Optional.of(number.longValue());
        }
        throw wrongType(member, "a long", value);
    }

    Optional<Instant> timestamp(String member) {
        Object value = values.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        throw wrongType(member, "a timestamp", value);
    }

    List<String> strings(String member) {
        Object value = values.get(member);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(member, "a list", value);
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw wrongType(member + " item", "a string", item);
            }
            result.add(text);
        }
        return result;
    }

    /** {@code Tags}: a list of {@code {Key, Value}}, checked against RDS's tag rules, in the order given. */
    LinkedHashMap<String, String> tags(String member) {
        Object value = values.get(member);
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        if (value == null) {
            return tags;
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(member, "a list", value);
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> tag)) {
                throw wrongType(member + " item", "a Tag structure", item);
            }
            Object key = tag.get("Key");
            Object tagValue = tag.get("Value");
            if (!(key instanceof String keyText) || keyText.isEmpty()) {
                throw RdsFaults.invalidParameterValue("Tag keys must be between 1 and 128 characters long.");
            }
            if (tagValue != null && !(tagValue instanceof String)) {
                throw wrongType(member + " Value", "a string", tagValue);
            }
            RdsTags.checkTag(keyText, (String) tagValue);
            tags.put(keyText, tagValue == null ? "" : (String) tagValue);
        }
        return tags;
    }

    /** {@code Filters}: a list of {@code {Name, Values}}; filter names are checked by the caller. */
    List<RequestFilter> filters(String member) {
        Object value = values.get(member);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(member, "a list", value);
        }
        List<RequestFilter> filters = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> filter)) {
                throw wrongType(member + " item", "a Filter structure", item);
            }
            Object name = filter.get("Name");
            if (!(name instanceof String nameText) || nameText.isBlank()) {
                throw RdsFaults.missingParameter("Filters.Filter.N.Name");
            }
            Object filterValues = filter.get("Values");
            List<String> texts = new ArrayList<>();
            if (filterValues instanceof List<?> valueList) {
                for (Object v : valueList) {
                    if (!(v instanceof String text)) {
                        throw wrongType("Filter " + nameText + " value", "a string", v);
                    }
                    texts.add(text);
                }
            } else if (filterValues != null) {
                throw wrongType("Filter " + nameText + " Values", "a list", filterValues);
            }
            if (texts.isEmpty()) {
                throw RdsFaults.invalidParameterValue("The parameter Filter: " + nameText + " must have at least one value.");
            }
            filters.add(new RequestFilter(nameText, List.copyOf(texts)));
        }
        return filters;
    }

    private static RuntimeException wrongType(String member, String expected, Object value) {
        return RdsFaults.invalidParameterValue("The parameter " + member + " must be " + expected + " but was "
                + value.getClass().getSimpleName() + ".");
    }

    record RequestFilter(String name, List<String> values) {
    }
}
