package dev.auroraguard.handler;

import dev.auroraguard.config.Environment;
import dev.auroraguard.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object per line on stdout, shaped like Lambda's JSON log format ({@code timestamp},
 * {@code level}, {@code message}) plus {@code function}, {@code requestId} and the decision fields
 * ({@code cluster}, {@code snapshot}, {@code action}, {@code reason}). Callers pass the fields they
 * decided on; there is deliberately no way to log a whole event or a request.
 *
 * <p>The minimum level comes from {@code AWS_LAMBDA_LOG_LEVEL} (set by Lambda's advanced logging
 * controls), default INFO.
 */
public final class StructuredLog {

    public static final String LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";

    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, FATAL
    }

    private final java.util.function.Supplier<PrintStream> out;
    private final Clock clock;
    private final Level threshold;
    private final String functionName;
    private volatile String requestId = "";

    public StructuredLog(PrintStream out, Clock clock, Level threshold, String functionName) {
        this(() -> out, clock, threshold, functionName);
    }

    /** Writes to whatever stream {@code out} supplies at each line. */
    StructuredLog(java.util.function.Supplier<PrintStream> out, Clock clock, Level threshold, String functionName) {
        this.out = out;
        this.clock = clock;
        this.threshold = threshold;
        this.functionName = functionName;
    }

    /** A log on stdout for {@code functionName}, at the level Lambda's log configuration asks for. */
    public static StructuredLog stdout(String functionName, Environment environment) {
        Level level = environment.get(LOG_LEVEL).flatMap(StructuredLog::level).orElse(Level.INFO);
        // System.out is read at each line: a host that redirects stdout per invocation (the sandbox's Lambda
        // invoker, like Lambda's log stream) gets each invocation's lines, also from a warm handler.
        return new StructuredLog(() -> System.out, Clock.systemUTC(), level, functionName);
    }

    private static java.util.Optional<Level> level(String text) {
        try {
            return java.util.Optional.of(Level.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every following line carries this request id (Lambda runs one invocation at a time per container). */
    public void requestId(String requestId) {
        this.requestId = requestId == null ? "" : requestId;
    }

    public boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /** A line with free fields, e.g. {@code info("run finished", Map.of("succeeded", 3))}. */
    public void log(Level level, String message, Map<String, ?> fields) {
        if (!enabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.put("function", functionName);
        if (!requestId.isEmpty()) {
            line.put("requestId", requestId);
        }
        fields.forEach((key, value) -> {
            if (value != null) {
                line.put(key, value);
            }
        });
        String json = Json.write(line);
        PrintStream stream = out.get();
        synchronized (stream) {
            stream.println(json);
        }
    }

    /** One decision about one cluster or snapshot: the line on-call engineers grep for. */
    public void decision(Level level, String message, String cluster, String snapshot, String action, String reason,
                         Map<String, ?> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cluster", cluster);
        fields.put("snapshot", snapshot);
        fields.put("action", action);
        fields.put("reason", reason);
        fields.putAll(extra);
        log(level, message, fields);
    }

    public void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        log(Level.WARN, message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        log(Level.ERROR, message, fields);
    }
}
