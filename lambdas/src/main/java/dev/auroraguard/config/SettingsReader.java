package dev.auroraguard.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed settings from an {@link Environment}, collecting every problem so that start-up fails
 * once, with all of them named ({@link #validate()}).
 */
public final class SettingsReader {

    private final Environment environment;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Environment environment) {
        this.environment = environment;
    }

    public Optional<String> optional(String name) {
        return environment.get(name);
    }

    public String string(String name, String defaultValue) {
        return environment.get(name).orElse(defaultValue);
    }

    /** A required value; a problem is recorded (and {@code ""} returned) when it is missing. */
    public String required(String name, String example) {
        Optional<String> value = environment.get(name);
        if (value.isEmpty()) {
            problems.add(name + " is not set (e.g. " + example + ")");
            return "";
        }
        return value.get();
    }

    /** A comma-separated list; blanks between commas are ignored. */
    public List<String> list(String name) {
        return environment.get(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean bool(String name, boolean defaultValue) {
        return parsed(name, defaultValue, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return parsed(name, defaultValue, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a whole number from " + min + " to " + max);
    }

    /** A share in (0, 1], e.g. 0.8; "80%" is accepted too. */
    public double share(String name, double defaultValue) {
        return parsed(name, defaultValue, text -> {
            double value = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a share greater than 0 and at most 1, e.g. 0.8 or 80%");
    }

    /** A duration written {@code 30s}, {@code 10m}, {@code 48h}, {@code 2d} or ISO-8601 ({@code PT10M}). */
    public Duration duration(String name, Duration defaultValue) {
        return parsed(name, defaultValue, SettingsReader::parseDuration, "a positive duration such as 10m, 48h, 2d or PT10M");
    }

    /** Any value with its own parser; the parser's exception becomes a problem naming the variable. */
    public <T> T parsed(String name, T defaultValue, Function<String, T> parser, String expectation) {
        Optional<String> text = environment.get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(text.get());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null || e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")";
            problems.add(name + "='" + text.get() + "' is not " + expectation + detail);
            return defaultValue;
        }
    }

    /** Records a problem found while combining settings. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Throws one {@link ConfigException} naming every problem found so far. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (t.startsWith("p")) {
            try {
                duration = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException();
            }
        } else {
            if (t.length() < 2) {
                throw new IllegalArgumentException();
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1).trim());
            duration = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException();
        }
        return duration;
    }
}
