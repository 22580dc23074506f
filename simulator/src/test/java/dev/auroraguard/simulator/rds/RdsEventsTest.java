package dev.auroraguard.simulator.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.RecordedEvent;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's RDS events against a verbatim AWS example (see src/test/resources/rds/README.md). */
class RdsEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RdsFixture rds = new RdsFixture();

    private static JsonNode awsExample() throws Exception {
        try (InputStream in = RdsEventsTest.class.getResourceAsStream("/rds/aws-example-db-cluster-snapshot-event.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void manualSnapshotEvent_should_haveTheEnvelopeAndDetailOfTheAwsExample_when_snapshotStarts() throws Exception {
        // GIVEN
        JsonNode example = awsExample();
        rds.availableCluster("my-db-cluster");

        // WHEN
        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "my-db-cluster", "DBClusterSnapshotIdentifier", "my-db-cluster-snapshot");

        // THEN
        RecordedEvent recorded = rds.events.withDetailType("RDS DB Cluster Snapshot Event").get(0);
        JsonNode event = JSON.readTree(recorded.envelopeJson());
        assertThat(fieldNames(event)).containsExactlyInAnyOrderElementsOf(fieldNames(example));
        for (String same : List.of("version", "detail-type", "source", "account", "region")) {
            assertThat(event.path(same)).as(same).isEqualTo(example.path(same));
        }
        assertThat(event.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode detail = event.path("detail");
        JsonNode exampleDetail = example.path("detail");
        // RDS now also sends the resource's tags in the detail ("Event notifications include tags").
        assertThat(fieldNames(detail)).containsAll(fieldNames(exampleDetail)).contains("Tags");
        for (String same : List.of("EventCategories", "SourceType", "Message", "EventID")) {
            assertThat(detail.path(same)).as(same).isEqualTo(exampleDetail.path(same));
        }
        assertThat(detail.path("SourceArn").asText())
                .isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:my-db-cluster-snapshot");
        assertThat(event.path("resources")).containsExactly(detail.path("SourceArn"));
        assertThat(detail.path("SourceIdentifier").asText()).isEqualTo("my-db-cluster-snapshot");
        assertThat(detail.path("Date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(recorded.eventBusName()).isEqualTo("default");
    }

    @Test
    void events_should_comeInTimeOrderWithDistinctIds_when_severalTransitionsSettleAtOnce() {
        rds.createCluster("a");
        rds.createCluster("b");

        rds.advance(rds.timings.clusterCreate().multipliedBy(3));

        List<RecordedEvent> events = rds.events.all();
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
        assertThat(events).extracting(RecordedEvent::time).isSorted();
        assertThat(events).extracting(e -> e.detailJson().contains("RDS-EVENT-0170")).containsOnly(true);
        assertThat(events).hasSize(2);
    }
}
