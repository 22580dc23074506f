package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogStdoutTest {

    @Test
    void stdout_should_writeToTheCurrentSystemOut_when_theHostRedirectsItBetweenInvocations() {
        // GIVEN a log built once, as a warm handler keeps it
        PrintStream original = System.out;
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(first, true, StandardCharsets.UTF_8));
            StructuredLog log = StructuredLog.stdout("pre-deploy-snapshot", Environment.of(Map.of()));
            log.info("first invocation", Map.of());

            // WHEN the host points stdout elsewhere for the next invocation
            System.setOut(new PrintStream(second, true, StandardCharsets.UTF_8));
            log.info("second invocation", Map.of());
        } finally {
            System.setOut(original);
        }

        // THEN each invocation's line went to that invocation's stream
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("first invocation").doesNotContain("second invocation");
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("second invocation").doesNotContain("first invocation");
    }
}
