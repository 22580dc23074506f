package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.domain.retention.CleanupTrigger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotCleanupInputTest {

    @Test
    void parse_should_readTheIdAndRule_when_givenTheVerbatimScheduledEvent() {
        // GIVEN the Scheduled Event exactly as AWS documents it
        Map<String, Object> event = EventFixtures.load("scheduled-event.json");
        // WHEN parsed
        CleanupTrigger trigger = SnapshotCleanupInput.parse(event, "req-1");
        // THEN the reference is the event id and the rule its resource; the configured selection applies
        assertThat(trigger.type()).isEqualTo(SnapshotTrigger.Type.SCHEDULED_EVENT);
        assertThat(trigger.reference()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
        assertThat(trigger.rule()).contains("arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule");
        assertThat(trigger.clusters()).isEmpty();
    }

    @Test
    void parse_should_nameTheClusters_when_givenConstantInput() {
        // GIVEN the constant input fixture / WHEN parsed / THEN exactly its clusters, referenced by the request id
        CleanupTrigger trigger = SnapshotCleanupInput.parse(EventFixtures.load("constant-input.json"), "req-2");
        assertThat(trigger.type()).isEqualTo(SnapshotTrigger.Type.CONSTANT_INPUT);
        assertThat(trigger.clusters()).contains(List.of("orders-db", "billing-db"));
        assertThat(trigger.reference()).isEqualTo("req-2");
        assertThat(trigger.rule()).isEqualTo(Optional.empty());
    }

    @Test
    void parse_should_refuseWithTheFieldNamed_when_theInputIsNotOneOfTheTwoShapes() {
        // GIVEN inputs this function does not handle / WHEN parsed / THEN the message says what is wrong
        assertThatThrownBy(() -> SnapshotCleanupInput.parse(EventFixtures.load("rds-cluster-snapshot-event-0075.json"), "r"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not 'RDS DB Cluster Snapshot Event' from 'aws.rds'");
        assertThatThrownBy(() -> SnapshotCleanupInput.parse(Map.of("clusters", List.of("orders_db")), "r"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'orders_db', which is not a valid cluster identifier");
        assertThatThrownBy(() -> SnapshotCleanupInput.parse(Map.of("clusters", List.of()), "r"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'clusters' is empty");
        assertThatThrownBy(() -> SnapshotCleanupInput.parse(Map.of("dryRun", false), "r"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("top-level fields: [dryRun]");
        assertThatThrownBy(() -> SnapshotCleanupInput.parse(null, "r"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("without input");
    }
}
