package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

    @Test
    void decision_should_writeOneJsonLine_when_levelIsEnabled() {
        // GIVEN a log at WARN
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StructuredLog log = new StructuredLog(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-25T03:00:01Z"), ZoneOffset.UTC), StructuredLog.Level.WARN, "scheduled-snapshot");
        log.requestId("req-1");

        // WHEN an INFO and an ERROR decision (with a quote and a newline in the message) are logged
        log.decision(StructuredLog.Level.INFO, "ignored", "a", "s", "create", "created", Map.of());
        log.decision(StructuredLog.Level.ERROR, "bad \"thing\"\nhappened", "orders-db", "snap", "fail", "aws-error",
                Map.of("retryable", true));

        // THEN only the ERROR line is written, as a single JSON object line with every field
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).singleElement().satisfies(line -> assertThat(Json.parseObject(line)).containsExactly(
                Map.entry("timestamp", "2026-11-25T03:00:01Z"), Map.entry("level", "ERROR"),
                Map.entry("message", "bad \"thing\"\nhappened"), Map.entry("function", "scheduled-snapshot"),
                Map.entry("requestId", "req-1"), Map.entry("cluster", "orders-db"), Map.entry("snapshot", "snap"),
                Map.entry("action", "fail"), Map.entry("reason", "aws-error"), Map.entry("retryable", true)));
    }
}
