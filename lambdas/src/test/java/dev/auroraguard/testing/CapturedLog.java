package dev.auroraguard.testing;

import dev.auroraguard.handler.StructuredLog;
import dev.auroraguard.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A {@link StructuredLog} writing into memory, with its lines parsed back for assertions. */
public final class CapturedLog {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StructuredLog log;

    public CapturedLog(Clock clock, String functionName) {
        this.log = new StructuredLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock,
                StructuredLog.Level.DEBUG, functionName);
    }

    public StructuredLog log() {
        return log;
    }

    public List<String> rawLines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Every line, parsed; a line that is not one JSON object fails the test. */
    public List<Map<String, Object>> lines() {
        return rawLines().stream().map(Json::parseObject).toList();
    }

    public List<Map<String, Object>> decisionsFor(String cluster) {
        return lines().stream().filter(l -> cluster.equals(l.get("cluster")) && l.containsKey("action")).toList();
    }
}
