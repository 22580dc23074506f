package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.SnapshotPlanner.SnapshotPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotPlannerTest {

    @Test
    void plan_should_copyClusterTags_when_clusterCopiesTagsToSnapshotsEvenIfSettingIsOff() {
        // GIVEN copying off in settings but a cluster with CopyTagsToSnapshot on (our explicit tags would disable RDS's copy)
        SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
        Cluster copying = new Cluster("orders-db", "arn:c", "available", Map.of("team", "payments"), true);
        Cluster plain = new Cluster("billing-db", "arn:b", "available", Map.of("team", "billing"), false);
        // WHEN planned
        SnapshotPlan copyingPlan = planner.plan(copying, scheduled("e1"));
        SnapshotPlan plainPlan = planner.plan(plain, scheduled("e1"));
        // THEN the copying cluster's tags are copied by us, the other's are not
        assertThat(copyingPlan.tags().tags()).containsEntry("team", "payments");
        assertThat(plainPlan.tags().tags()).doesNotContainKey("team");
        assertThat(copyingPlan.snapshotId()).isEqualTo("orders-db-scheduled-20261125-0300");
    }

    @Test
    void unavailable_should_failForRetryByDefaultAndSkipWhenConfigured_when_clusterIsBusy() {
        // GIVEN the two policies
        SnapshotPlanner failing = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
        SnapshotPlanner skipping = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.SKIP, false);
        // WHEN an unavailable cluster is settled
        ClusterOutcome failed = failing.unavailable("orders-db", java.util.Optional.of("arn"), "s", "status 'backing-up'");
        ClusterOutcome skipped = skipping.unavailable("orders-db", java.util.Optional.of("arn"), "s", "status 'stopped'");
        // THEN the default fails for retry, skip skips without retry
        assertThat(failed.status()).isEqualTo(ClusterOutcome.Status.FAILED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).isEqualTo(Reason.CLUSTER_NOT_AVAILABLE);
        assertThat(skipped.status()).isEqualTo(ClusterOutcome.Status.SKIPPED);
        assertThat(skipped.retryable()).isFalse();
    }

    @Test
    void missing_should_beANonRetryableFailure_when_listedClusterIsAbsent() {
        // GIVEN a planner / WHEN a missing cluster is settled
        ClusterOutcome outcome = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false)
                .missing("ghost-db", scheduled("e1"));
        // THEN it fails without retry, with the identifier it would have had
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_NOT_FOUND);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.snapshotId()).isEqualTo("ghost-db-scheduled-20261125-0300");
    }
}
