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
                .containsExactly("scheduled-snapshot-schedule", "snapshot-available-periodic-check", "snapshot-cleanup-schedule",
                        "restore-progress-sweep");
        assertThat(EventPatterns.scheduleRules()).allSatisfy(rule ->
                assertThat(rule.defaultSchedule()).hasValueSatisfying(s -> assertThat(s).matches("(cron|rate)\\(.+\\)")));
        assertThat(EventPatterns.patternRules()).containsExactly(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT,
                EventPatterns.RESTORE_REQUESTED, EventPatterns.RESTORE_ALARM, EventPatterns.RESTORE_PROGRESS_RDS_EVENT,
                EventPatterns.RESTORE_CUTOVER_REQUESTED,
                EventPatterns.PRE_DEPLOY_SNAPSHOT_REQUEST);
        // Requests people send live on the aurora-guard bus; AWS's own events on the default bus.
        assertThat(EventPatterns.RESTORE_REQUESTED.eventBusName()).isEqualTo(EventPatterns.AURORA_GUARD_BUS);
        assertThat(EventPatterns.RESTORE_ALARM.eventBusName()).isEqualTo(EventPatterns.DEFAULT_BUS);
    }

    @Test
    void preDeployRequestRule_should_matchTheCiRequestOnTheAuroraGuardBusOnly_when_appliedByTheSimulatorsMatcher() {
        // GIVEN the request rule and the request as EventBridge delivers it
        EventPatterns rule = EventPatterns.PRE_DEPLOY_SNAPSHOT_REQUEST;
        dev.auroraguard.simulator.events.EventPatternMatcher matcher =
                dev.auroraguard.simulator.events.EventPatternMatcher.of(rule.eventPattern().orElseThrow());
        String request = EventFixtures.text("pre-deploy-snapshot-requested.json");

        // WHEN / THEN it matches the request, lives on the aurora-guard bus and targets pre-deploy-snapshot
        assertThat(matcher.matches(request)).isTrue();
        assertThat(rule.eventBusName()).isEqualTo(EventPatterns.AURORA_GUARD_BUS);
        assertThat(rule.functionName()).isEqualTo("pre-deploy-snapshot");
        // AND neither aurora-guard's own outcome events nor a request from another source match
        assertThat(matcher.matches(request.replace("\"aurora-guard.ci\"", "\"aurora-guard\""))).isFalse();
        assertThat(matcher.matches(request.replace("Pre-Deploy Snapshot Requested", "Snapshot Started"))).isFalse();
        assertThat(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT.eventBusName()).isEqualTo(EventPatterns.DEFAULT_BUS);
    }
}
