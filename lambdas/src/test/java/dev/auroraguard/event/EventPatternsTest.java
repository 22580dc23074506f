package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.handler.FunctionCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPatternsTest {

    @Test
    void everyRule_should_targetACatalogFunction_when_listed() {
        // GIVEN every rule / WHEN its target is looked up / THEN it is a cataloged function, and every function has a trigger
        for (EventPatterns rule : EventPatterns.values()) {
            assertThat(FunctionCatalog.byName(rule.functionName())).as(rule.ruleName()).isPresent();
            assertThat(rule.isSchedule() ^ rule.eventPattern().isPresent()).as(rule.ruleName()).isTrue();
        }
        for (String function : FunctionCatalog.names()) {
            assertThat(EventPatterns.forFunction(function)).as(function).isNotEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void rdsRulePattern_should_selectOnlyTheManualSnapshotCreatedEvent_when_readAsData() {
        // GIVEN the RDS rule's pattern and the RDS completion fixture
        Map<String, Object> pattern = EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT.eventPatternAsMap().orElseThrow();
        Map<String, Object> event = EventFixtures.load("rds-cluster-snapshot-event-0075.json");
        // WHEN the pattern's fields are compared with the event
        // THEN source, detail-type and EventID are what RDS publishes for a finished manual cluster snapshot
        assertThat((List<Object>) pattern.get("source")).containsExactly(event.get("source"));
        assertThat((List<Object>) pattern.get("detail-type")).containsExactly(event.get("detail-type"));
        Map<String, Object> detailPattern = (Map<String, Object>) pattern.get("detail");
        assertThat((List<Object>) detailPattern.get("EventID"))
                .containsExactly(((Map<String, Object>) event.get("detail")).get("EventID"));
        assertThat(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT.eventBusName()).isEqualTo("default");
    }

    @Test
    void scheduleRules_should_haveDefaultExpressions_when_noPattern() {
        // GIVEN the schedule rules / WHEN read / THEN each has a cron or rate expression
        assertThat(EventPatterns.scheduleRules()).extracting(EventPatterns::ruleName)
                .containsExactly("scheduled-snapshot-schedule", "snapshot-available-periodic-check", "snapshot-cleanup-schedule");
        assertThat(EventPatterns.scheduleRules()).allSatisfy(rule ->
                assertThat(rule.defaultSchedule()).hasValueSatisfying(s -> assertThat(s).matches("(cron|rate)\\(.+\\)")));
        assertThat(EventPatterns.patternRules()).containsExactly(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT);
    }
}
