package dev.auroraguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.port.SnapshotInventory.Incomplete.Cause;
import dev.auroraguard.port.SnapshotInventory.Inventory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The listing adapter against canned RDS answers, for the answers the simulator never gives (a record
 * without a creation time, a record twice). The paths RDS does give are tested through the simulator.
 */
class RdsSnapshotInventoryTest {

    /** Answers DescribeDBClusterSnapshots from a queue and records the requests. */
    private static final class CannedRds implements RdsClient {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<DescribeDbClusterSnapshotsRequest> requests = new ArrayList<>();

        @Override
        public DescribeDbClusterSnapshotsResponse describeDBClusterSnapshots(DescribeDbClusterSnapshotsRequest request) {
            requests.add(request);
            Object answer = answers.poll();
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return (DescribeDbClusterSnapshotsResponse) answer;
        }

        @Override
        public String serviceName() {
            return "rds";
        }

        @Override
        public void close() {
        }
    }

    private final CannedRds rds = new CannedRds();
    private final RdsSnapshotInventory inventory = new RdsSnapshotInventory(rds);

    private static DBClusterSnapshot snapshot(String id, Instant created) {
        return DBClusterSnapshot.builder().dbClusterSnapshotIdentifier(id).dbClusterIdentifier("Orders-DB")
                .snapshotCreateTime(created).status("available").snapshotType("manual")
                .tagList(Tag.builder().key("aurora-guard:managed").value("true").build(), Tag.builder().key("empty").build())
                .build();
    }

    private static DescribeDbClusterSnapshotsResponse page(String marker, DBClusterSnapshot... snapshots) {
        return DescribeDbClusterSnapshotsResponse.builder().marker(marker).dbClusterSnapshots(snapshots).build();
    }

    @Test
    void listManual_should_readEveryPageOfManualSnapshotsWithTags_when_rdsPages() {
        // GIVEN two pages
        rds.answers.add(page("m1", snapshot("a", Instant.parse("2026-11-20T03:00:00Z"))));
        rds.answers.add(page(null, snapshot("b", Instant.parse("2026-11-21T03:00:00Z"))));
        // WHEN listed
        Inventory listed = inventory.listManual(() -> true);
        // THEN both pages were asked for manual snapshots only, 100 at a time, following the marker
        assertThat(rds.requests).extracting(DescribeDbClusterSnapshotsRequest::snapshotType).containsOnly("manual");
        assertThat(rds.requests).extracting(DescribeDbClusterSnapshotsRequest::maxRecords).containsOnly(100);
        assertThat(rds.requests).extracting(DescribeDbClusterSnapshotsRequest::marker).containsExactly(null, "m1");
        // AND the listing is complete, identifiers lower case, tags from the TagList
        assertThat(listed.complete()).isTrue();
        assertThat(listed.pagesRead()).isEqualTo(2);
        assertThat(listed.snapshots()).extracting(s -> s.identifier() + "@" + s.cluster()).containsExactly("a@orders-db", "b@orders-db");
        assertThat(listed.snapshots().get(0).tags()).containsEntry("aurora-guard:managed", "true").containsEntry("empty", "");
    }

    @Test
    void listManual_should_returnWhatWasReadMarkedIncomplete_when_aPageFails() {
        // GIVEN a first page, then an error the SDK could not retry away
        rds.answers.add(page("m1", snapshot("a", Instant.parse("2026-11-20T03:00:00Z"))));
        rds.answers.add(RdsException.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("try later").build()).build());
        // WHEN listed
        Inventory listed = inventory.listManual(() -> true);
        // THEN the first page's snapshot is there, and the listing says page 2 failed, retryably
        assertThat(listed.complete()).isFalse();
        assertThat(listed.snapshots()).hasSize(1);
        assertThat(listed.incomplete()).hasValueSatisfying(i -> {
            assertThat(i.cause()).isEqualTo(Cause.PAGE_FAILED);
            assertThat(i.errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(i.retryable()).isTrue();
            assertThat(i.message()).startsWith("page 2 of the listing failed");
        });
    }

    @Test
    void listManual_should_stopBeforeTheNextPage_when_theCallerSaysStop() {
        // GIVEN two pages and a caller that allows one
        rds.answers.add(page("m1", snapshot("a", Instant.parse("2026-11-20T03:00:00Z"))));
        rds.answers.add(page(null, snapshot("b", Instant.parse("2026-11-21T03:00:00Z"))));
        AtomicInteger asked = new AtomicInteger();
        // WHEN listed
        Inventory listed = inventory.listManual(() -> asked.incrementAndGet() == 1);
        // THEN one page was requested and the listing is incomplete, not retryable
        assertThat(rds.requests).hasSize(1);
        assertThat(listed.incomplete()).hasValueSatisfying(i -> {
            assertThat(i.cause()).isEqualTo(Cause.STOPPED);
            assertThat(i.retryable()).isFalse();
        });
    }

    @Test
    void listManual_should_markTheListingIncomplete_when_aSnapshotHasNoCreationTime() {
        // GIVEN a snapshot whose age RDS does not say
        rds.answers.add(page(null, snapshot("a", Instant.parse("2026-11-20T03:00:00Z")), snapshot("b", null)));
        // WHEN listed / THEN nothing can be planned on it
        Inventory listed = inventory.listManual(() -> true);
        assertThat(listed.incomplete()).hasValueSatisfying(i -> {
            assertThat(i.cause()).isEqualTo(Cause.UNUSABLE_ANSWER);
            assertThat(i.message()).contains("snapshot b has no SnapshotCreateTime");
        });
    }

    @Test
    void listManual_should_markTheListingIncomplete_when_aSnapshotIsListedTwice() {
        // GIVEN a snapshot on two pages
        rds.answers.add(page("m1", snapshot("a", Instant.parse("2026-11-20T03:00:00Z"))));
        rds.answers.add(page(null, snapshot("a", Instant.parse("2026-11-20T03:00:00Z"))));
        // WHEN listed / THEN the inconsistent listing is not handed over as complete
        Inventory listed = inventory.listManual(() -> true);
        assertThat(listed.incomplete()).hasValueSatisfying(i -> assertThat(i.message()).contains("holds snapshot a a second time"));
        assertThat(listed.snapshots()).hasSize(1);
    }
}
