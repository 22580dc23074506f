package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.SnapshotTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledSnapshotInputTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:07:31Z");

    @Test
    void parse_should_takeIdTimeAndRule_when_givenAwsScheduledEventSample() {
        // GIVEN the verbatim Scheduled Event from the AWS documentation
        Map<String, Object> event = EventFixtures.load("scheduled-event.json");
        // WHEN parsed
        SnapshotTrigger trigger = ScheduledSnapshotInput.parse(event, "req-1", NOW);
        // THEN the slot is the event's minute, the reference its id, the rule its resource
        assertThat(trigger.type()).isEqualTo(SnapshotTrigger.Type.SCHEDULED_EVENT);
        assertThat(trigger.reference()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
        assertThat(trigger.slot().toString()).isEqualTo("2015-10-08T16:53:00Z");
        assertThat(trigger.rule()).contains("arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule");
        assertThat(trigger.clusters()).isEmpty();
        assertThat(trigger.slotFromInvocationTime()).isFalse();
    }

    @Test
    void parse_should_useInvocationMinuteAndRequestId_when_constantInputHasNoTime() {
        // GIVEN constant input naming two clusters
        Map<String, Object> input = EventFixtures.load("constant-input.json");
        // WHEN parsed
        SnapshotTrigger trigger = ScheduledSnapshotInput.parse(input, "req-1", NOW);
        // THEN the clusters are the input's, the slot the invocation's minute, flagged as such
        assertThat(trigger.clusters()).contains(List.of("orders-db", "billing-db"));
        assertThat(trigger.slot().toString()).isEqualTo("2026-11-25T03:07:00Z");
        assertThat(trigger.reference()).isEqualTo("req-1");
        assertThat(trigger.slotFromInvocationTime()).isTrue();
    }

    @Test
    void parse_should_useInputTimeAndId_when_inputTransformerPassesThem() {
        // GIVEN constant input completed by an input transformer with the event's time and id
        Map<String, Object> input = Map.of("clusters", List.of("orders-db"), "time", "2026-11-25T03:00:00Z", "id", "evt-9");
        // WHEN parsed / THEN they are used, so retries name the same snapshot
        SnapshotTrigger trigger = ScheduledSnapshotInput.parse(input, "req-1", NOW);
        assertThat(trigger.slot().toString()).isEqualTo("2026-11-25T03:00:00Z");
        assertThat(trigger.reference()).isEqualTo("evt-9");
        assertThat(trigger.slotFromInvocationTime()).isFalse();
    }

    @Test
    void parse_should_refuseWithoutEchoingInput_when_eventIsFromAnotherSource() {
        // GIVEN an RDS event sent to the wrong function
        Map<String, Object> rds = EventFixtures.load("rds-cluster-snapshot-event-0074.json");
        // WHEN parsed / THEN it is refused naming source and detail-type, not the event's content
        assertThatThrownBy(() -> ScheduledSnapshotInput.parse(rds, "req-1", NOW))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'RDS DB Cluster Snapshot Event' from 'aws.rds'")
                .hasMessageNotContaining("my-db-cluster-snapshot");
    }

    @Test
    void parse_should_refuse_when_inputIsMalformed() {
        // GIVEN inputs with an invalid cluster, an empty list, a bad time and no recognisable shape
        // WHEN parsed / THEN each is refused with the field named
        assertThatThrownBy(() -> ScheduledSnapshotInput.parse(Map.of("clusters", List.of("orders_db")), "r", NOW))
                .hasMessageContaining("'orders_db'");
        assertThatThrownBy(() -> ScheduledSnapshotInput.parse(Map.of("clusters", List.of()), "r", NOW))
                .hasMessageContaining("'clusters' is empty");
        assertThatThrownBy(() -> ScheduledSnapshotInput.parse(EventFixtures.load("scheduled-event.json", Map.of("time", "yesterday")), "r", NOW))
                .hasMessageContaining("'time'");
        assertThatThrownBy(() -> ScheduledSnapshotInput.parse(Map.of("hello", "world"), "r", NOW))
                .isInstanceOf(InvalidEventException.class);
    }
}
