package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.cluster;
import static dev.auroraguard.domain.DomainFixtures.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.SnapshotPlanner.ClusterPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotPlannerTest {

    @Test
    void plan_should_failForRetry_when_clusterIsNotAvailableByDefault() {
        // GIVEN the default policy and a cluster that is backing up
        SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
        // WHEN planned
        ClusterPlan plan = planner.plan(cluster("orders-db", "backing-up", Map.of()), scheduled("e1"));
        // THEN it is settled as a retryable failure naming the status
        ClusterOutcome outcome = ((ClusterPlan.Settled) plan).outcome();
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_NOT_AVAILABLE);
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.message()).contains("backing-up");
    }

    @Test
    void plan_should_skip_when_policyIsSkip() {
        // GIVEN the skip policy and a stopped cluster
        SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.SKIP, false);
        // WHEN planned
        ClusterOutcome outcome = ((ClusterPlan.Settled) planner.plan(cluster("orders-db", "stopped", Map.of()), scheduled("e1"))).outcome();
        // THEN it is skipped, not retryable
        assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
        assertThat(outcome.retryable()).isFalse();
    }

    @Test
    void plan_should_copyClusterTags_when_clusterCopiesTagsToSnapshotsEvenIfSettingIsOff() {
        // GIVEN copying off in settings but a cluster with CopyTagsToSnapshot on (our explicit tags would disable RDS's copy)
        SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
        Cluster copying = new Cluster("orders-db", "arn:c", "available", Map.of("team", "payments"), true);
        Cluster plain = new Cluster("billing-db", "arn:b", "available", Map.of("team", "billing"), false);
        // WHEN planned
        ClusterPlan.Create copyingPlan = (ClusterPlan.Create) planner.plan(copying, scheduled("e1"));
        ClusterPlan.Create plainPlan = (ClusterPlan.Create) planner.plan(plain, scheduled("e1"));
        // THEN the copying cluster's tags are copied by us, the other's are not
        assertThat(copyingPlan.tags().tags()).containsEntry("team", "payments");
        assertThat(plainPlan.tags().tags()).doesNotContainKey("team");
        assertThat(copyingPlan.snapshotId()).isEqualTo("orders-db-scheduled-20261125-0300");
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
