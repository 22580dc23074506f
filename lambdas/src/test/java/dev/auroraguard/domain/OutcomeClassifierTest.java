package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.available;
import static dev.auroraguard.domain.DomainFixtures.scheduled;
import static dev.auroraguard.domain.DomainFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.SnapshotPlanner.SnapshotPlan;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private final SnapshotPlanner planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, UnavailableClusterPolicy.FAIL, false);
    private final OutcomeClassifier classifier = new OutcomeClassifier(planner);
    private final SnapshotPlan plan = planner.plan(available("orders-db"), scheduled("e1"));

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
    void unavailable_should_succeed_when_ourSnapshotIsWhyTheClusterIsBusy() {
        // GIVEN the cluster is backing-up because of our own snapshot for this slot (a duplicate delivery)
        Snapshot ours = snapshot(plan.snapshotId(), "orders-db", "creating", Map.of("aurora-guard:managed", "true"));
        // WHEN classified as unavailable, with that snapshot described / THEN it is success
        ClusterOutcome outcome = classifier.unavailable(plan, "status backing-up", Optional.of(ours));
        assertThat(outcome.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(outcome.status()).isEqualTo(Status.STARTED);
    }

    @Test
    void unavailable_should_followPolicy_when_noSnapshotExists() {
        // GIVEN the cluster changed state and no snapshot exists under our identifier
        // WHEN classified / THEN the unavailable policy (fail, retryable) applies
        ClusterOutcome outcome = classifier.unavailable(plan, "is modifying", Optional.empty());
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_NOT_AVAILABLE);
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.message()).contains("is modifying");
    }
}
