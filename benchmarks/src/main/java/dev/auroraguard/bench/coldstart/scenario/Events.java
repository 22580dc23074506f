package dev.auroraguard.bench.coldstart.scenario;

import java.time.Instant;
import java.util.UUID;

/** The benchmark's events, shaped as AWS delivers them (see the verbatim fixtures under lambdas/src/test/resources). */
final class Events {

    private Events() {
    }

    /** An EventBridge Scheduled Event fired at {@code time}. */
    static String scheduled(Instant time) {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",\
                "account":"123456789012","time":"%s","region":"eu-west-1",\
                "resources":["arn:aws:events:eu-west-1:123456789012:rule/aurora-guard-bench"],"detail":{}}"""
                .formatted(UUID.randomUUID(), time);
    }
}
