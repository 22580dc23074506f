package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.available;
import static dev.auroraguard.domain.DomainFixtures.scheduled;
import static dev.auroraguard.domain.DomainFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.SnapshotPlanner.ClusterPlan;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private final SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
    private final OutcomeClassifier classifier = new OutcomeClassifier(planner);
    private final ClusterPlan.Create plan = (ClusterPlan.Create) planner.plan(available("orders-db"), scheduled("e1"));

    @Test
    void existing_should_succeed_when_snapshotIsOursAndOfTheSameCluster() {
        // GIVEN the identifier exists, managed, taken from the same cluster (an earlier delivery)
        Snapshot ours = snapshot(plan.snapshotId(), "orders-db", "creating", Map.of("aurora-guard:managed", "true"));
        // WHEN classified
        ClusterOutcome outcome = classifier.existing(plan, Optional.of(ours));
        // THEN it is success, marked as already existing
        assertThat(outcome.status()).isEqualTo(Status.STARTED);
        assertThat(outcome.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(outcome.alreadyExisted()).isTrue();
    }

    @Test
    void existing_should_failLoudly_when_snapshotIsNotOurs() {
        // GIVEN the identifier is taken by an untagged snapshot
        Snapshot foreign = snapshot(plan.snapshotId(), "orders-db", "available", Map.of());
        // WHEN classified
        ClusterOutcome outcome = classifier.existing(plan, Optional.of(foreign));
        // THEN it is a non-retryable conflict that says what to do
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo(Reason.IDENTIFIER_CONFLICT);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.message()).contains("not an aurora-guard snapshot");
    }

    @Test
    void existing_should_failLoudly_when_managedSnapshotBelongsToAnotherCluster() {
        // GIVEN the identifier is ours but from another cluster
        Snapshot other = snapshot(plan.snapshotId(), "other-db", "available", Map.of("aurora-guard:managed", "true"));
        // WHEN classified / THEN it is a conflict naming the other cluster
        ClusterOutcome outcome = classifier.existing(plan, Optional.of(other));
        assertThat(outcome.reason()).isEqualTo(Reason.IDENTIFIER_CONFLICT);
        assertThat(outcome.message()).contains("other-db");
    }

    @Test
    void classify_should_reportQuotaWithoutRetry_when_quotaIsExceeded() {
        // GIVEN RDS refused for quota with 100 of 100 used
        QuotaUsage usage = new QuotaUsage(QuotaUsage.MANUAL_CLUSTER_SNAPSHOTS, 100, 100);
        // WHEN classified
        ClusterOutcome outcome = classifier.classify(plan, new SnapshotCreation.QuotaExceeded("limit", Optional.of(usage)));
        // THEN it fails without retry and carries quota and count
        assertThat(outcome.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.quota()).contains(usage);
        assertThat(outcome.message()).contains("100 of 100");
    }

    @Test
    void classify_should_followPolicy_when_rdsSaysClusterIsNotAvailable() {
        // GIVEN the cluster changed state between describe and create
        // WHEN classified / THEN the unavailable policy (fail, retryable) applies
        ClusterOutcome outcome = classifier.classify(plan, new SnapshotCreation.ClusterNotAvailable("is modifying"));
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_NOT_AVAILABLE);
        assertThat(outcome.retryable()).isTrue();
    }
}
