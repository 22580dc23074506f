package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RdsSnapshotEventTest {

    @Test
    void parse_should_readAwsSample_when_givenTheDocumentedClusterSnapshotEvent() {
        // GIVEN the verbatim AWS sample (RDS-EVENT-0074, with its "rds:" prefixed identifier)
        // WHEN parsed
        RdsSnapshotEvent event = RdsSnapshotEvent.parse(EventFixtures.load("rds-cluster-snapshot-event-0074.json"));
        // THEN the snapshot identifier is found without the prefix, and it is not the completion event
        assertThat(event.snapshotId()).isEqualTo("my-db-cluster-snapshot");
        assertThat(event.rdsEventId()).isEqualTo("RDS-EVENT-0074");
        assertThat(event.isManualSnapshotCreated()).isFalse();
        assertThat(event.time()).isEqualTo(Instant.parse("2018-10-06T12:26:13Z"));
    }

    @Test
    void parse_should_recogniseCompletion_when_eventIdIs0075() {
        // GIVEN the completion event of a manual cluster snapshot
        // WHEN parsed / THEN it names our snapshot and is the completion event
        RdsSnapshotEvent event = RdsSnapshotEvent.parse(EventFixtures.load("rds-cluster-snapshot-event-0075.json"));
        assertThat(event.snapshotId()).isEqualTo("orders-db-scheduled-20261125-0300");
        assertThat(event.isManualSnapshotCreated()).isTrue();
    }
}
