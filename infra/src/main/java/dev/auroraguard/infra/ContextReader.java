package dev.auroraguard.infra;

import dev.auroraguard.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values from CDK context, collecting every problem so that the synth fails once, naming
 * each bad key ({@link #validate()}).
 *
 * <p>A value arrives either structured (from {@code cdk.json}: lists, objects, numbers, booleans) or as
 * text (the CLI passes {@code -c key=value} as a string), so every reader accepts both: a list as a
 * JSON array or comma-separated text, an object as a JSON object or JSON text, a number or boolean as
 * itself or its text.
 */
final class ContextReader {

    private final Function<String, Object> context;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Function<String, Object> context) {
        this.context = context;
    }

    /** The raw value, or empty when the key is absent, null or blank text. */
    Optional<Object> raw(String key) {
        Object value = context.apply(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<String> optionalString(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof String text)) {
            problem(key, "must be a string; got " + describe(value.get()));
            return Optional.empty();
        }
        return Optional.of(text.trim());
    }

    String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    /** A JSON array of strings, or comma-separated text; blanks between commas are ignored. */
    List<String> stringList(String key, List<String> defaultValue) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Object parsed = value.get();
        if (parsed instanceof String text && text.trim().startsWith("[")) {
            try {
                parsed = Json.parse(text);
            } catch (Json.JsonException e) {
                problem(key, "is not a valid JSON array: " + e.getMessage());
                return defaultValue;
            }
        }
        if (parsed instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (parsed instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String text) || text.isBlank()) {
                    problem(key, "must be a list of non-empty strings; found " + describe(item));
                    return defaultValue;
                }
                strings.add(text.trim());
            }
            return List.copyOf(strings);
        }
        problem(key, "must be a list of strings (a JSON array, or comma-separated text); got " + describe(parsed));
        return defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get() instanceof Boolean b) {
            return b;
        }
        if (value.get() instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    break;
            }
        }
        problem(key, "must be true or false; got " + describe(value.get()));
        return defaultValue;
    }

    Optional<Integer> integer(String key, int min, int max) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal number = null;
        try {
            if (value.get() instanceof Number n) {
                number = new BigDecimal(n.toString());
            } else if (value.get() instanceof String text) {
                number = new BigDecimal(text.trim());
            }
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(key, "must be a whole number from " + min + " to " + max + "; got " + describe(value.get()));
            return Optional.empty();
        }
        return Optional.of(number.intValueExact());
    }

    Optional<Double> decimal(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get() instanceof Number n) {
                return Optional.of(n.doubleValue());
            }
            if (value.get() instanceof String text) {
                return Optional.of(Double.parseDouble(text.trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a number; got " + describe(value.get()));
        return Optional.empty();
    }

    /**
     * A JSON value given structured or as JSON text, normalized to the maps, lists, strings, numbers
     * and booleans of {@link Json}.
     */
    Optional<Object> json(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            // A round trip through JSON text turns whatever the CDK handed over into Json's types.
            Object parsed = value.get() instanceof String text ? Json.parse(text) : Json.parse(Json.write(value.get()));
            return Optional.of(parsed);
        } catch (Json.JsonException e) {
            problem(key, "is not valid JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Records a problem with {@code key}. */
    void problem(String key, String message) {
        problems.add("context " + key + ": " + message);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws one {@link InvalidContextException} naming every problem found so far. */
    void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidContextException(problems);
        }
    }

    /** A short, quoted rendering of a context value for error messages. */
    static String describe(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Map || value instanceof List) {
            String json = Json.write(value);
            return json.length() > 80 ? json.substring(0, 77) + "..." : json;
        }
        return String.valueOf(value);
    }
}
