package dev.auroraguard.domain.retention;

import static dev.auroraguard.domain.retention.Snapshots.managed;
import static dev.auroraguard.domain.retention.Snapshots.withStatus;
import static dev.auroraguard.domain.retention.Snapshots.withTag;
import static dev.auroraguard.domain.retention.Snapshots.withType;
import static dev.auroraguard.domain.retention.Snapshots.withoutTag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hard safety rules that override every policy. */
class RetentionSafetyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final KeepRules KEEP_LAST_ONE = KeepRules.none().withLast(1);

    private static RetentionPlan plan(List<ListedSnapshot> snapshots, DeletionBudget budget) {
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of("scheduled", KEEP_LAST_ONE)));
        return planner.plan(SnapshotListing.complete(snapshots), NOW, budget);
    }

    private static RetentionPlan plan(List<ListedSnapshot> snapshots) {
        return plan(snapshots, DeletionBudget.unlimited());
    }

    private static ListedSnapshot snapshot(String identifier, String createdAt) {
        return managed("db", "scheduled", identifier, createdAt);
    }

    private static List<String> reasons(RetentionPlan plan, String identifier) {
        return plan.decisionFor(identifier).orElseThrow().reasonTexts();
    }

    @Test
    void plan_should_neverDeleteAnUnmanagedSnapshot_when_thePolicyWouldDeleteIt() {
        // GIVEN an old snapshot without the managed tag, and one whose tag is not exactly "true"
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                withoutTag(snapshot("by-hand", "2026-11-01T00:00:00Z"), TagScheme.MANAGED),
                withTag(snapshot("odd-tag", "2026-11-02T00:00:00Z"), TagScheme.MANAGED, "yes"));

        // WHEN
        RetentionPlan plan = plan(snapshots);

        // THEN both are kept and reported as unmanaged
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "by-hand")).containsExactly("kept: unmanaged (no aurora-guard:managed=true tag)");
        assertThat(reasons(plan, "odd-tag")).containsExactly("kept: unmanaged (no aurora-guard:managed=true tag)");
    }

    @Test
    void plan_should_neverDeleteARetainedSnapshot_when_thePolicyWouldDeleteIt() {
        // GIVEN two old snapshots tagged retain ("true", and a hand-written "True")
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                withTag(snapshot("keep-me", "2026-11-01T00:00:00Z"), TagScheme.RETAIN, "true"),
                withTag(snapshot("keep-me-too", "2026-10-01T00:00:00Z"), TagScheme.RETAIN, "True"),
                withTag(snapshot("not-retained", "2026-09-01T00:00:00Z"), TagScheme.RETAIN, "false"));

        // WHEN
        RetentionPlan plan = plan(snapshots);

        // THEN retained ones are kept; "false" does not protect
        assertThat(reasons(plan, "keep-me")).containsExactly("kept: retained (aurora-guard:retain=true)");
        assertThat(reasons(plan, "keep-me-too")).containsExactly("kept: retained (aurora-guard:retain=True)");
        assertThat(plan.deleteIdentifiers()).containsExactly("not-retained");
    }

    @Test
    void plan_should_countRetainedSnapshotsInBuckets_when_applyingRules() {
        // GIVEN keepDaily 2 and a retained snapshot on the second-newest day (restic's --keep-tag behaves alike)
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of(
                "scheduled", KeepRules.none().withDaily(2))));
        List<ListedSnapshot> snapshots = List.of(
                snapshot("d3", "2026-11-24T00:00:00Z"),
                withTag(snapshot("d2", "2026-11-23T00:00:00Z"), TagScheme.RETAIN, "true"),
                snapshot("d1", "2026-11-22T00:00:00Z"));

        // WHEN
        RetentionPlan plan = planner.plan(SnapshotListing.complete(snapshots), NOW, DeletionBudget.unlimited());

        // THEN the retained snapshot fills its day's bucket
        assertThat(reasons(plan, "d2")).containsExactly("kept: daily 2026-11-23", "kept: retained (aurora-guard:retain=true)");
        assertThat(plan.deleteIdentifiers()).containsExactly("d1");
    }

    @Test
    void plan_should_neverDeleteOrCountASnapshotThatIsNotAvailable_when_itIsBeingCreated() {
        // GIVEN the newest snapshot still being created, and a failed old one
        List<ListedSnapshot> snapshots = List.of(
                withStatus(snapshot("creating", "2026-11-24T12:00:00Z"), "creating"),
                snapshot("yesterday", "2026-11-23T00:00:00Z"),
                snapshot("older", "2026-11-22T00:00:00Z"),
                withStatus(snapshot("failed", "2026-11-01T00:00:00Z"), "failed"));

        // WHEN keepLast 1 is applied
        RetentionPlan plan = plan(snapshots);

        // THEN the one being created does not take the last slot: yesterday's (restorable) one keeps it
        assertThat(reasons(plan, "creating"))
                .containsExactly("kept: status creating (only available snapshots are deleted)");
        assertThat(reasons(plan, "failed")).containsExactly("kept: status failed (only available snapshots are deleted)");
        assertThat(reasons(plan, "yesterday")).containsExactly(
                "kept: last 1 of 1", "kept: newest managed snapshot of cluster db");
        assertThat(plan.deleteIdentifiers()).containsExactly("older");
    }

    @Test
    void plan_should_neverDeleteAnAutomatedSnapshot_when_itCarriesTheManagedTag() {
        // GIVEN an automated snapshot that inherited the managed tag from its cluster
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                withType(snapshot("rds:db-2026-11-01", "2026-11-01T00:00:00Z"), "automated"));

        // WHEN
        RetentionPlan plan = plan(snapshots);

        // THEN
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "rds:db-2026-11-01"))
                .containsExactly("kept: snapshot type automated (only manual snapshots are deleted)");
    }

    @Test
    void plan_should_deleteNothing_when_theListingIsIncomplete() {
        // GIVEN snapshots the policy would delete, but a listing where a page failed
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of("scheduled", KEEP_LAST_ONE)));
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                snapshot("old", "2026-11-01T00:00:00Z"));

        // WHEN
        RetentionPlan plan = planner.plan(SnapshotListing.incomplete(snapshots), NOW, DeletionBudget.unlimited());

        // THEN nothing is deleted and the would-be deletion says why
        assertThat(plan.listingComplete()).isFalse();
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "old")).containsExactly("kept: listing incomplete, nothing is deleted");
    }

    @Test
    void plan_should_deleteTheOldestWithinTheBudget_when_moreWouldBeDeleted() {
        // GIVEN five snapshots the policy would delete and a budget of two
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                snapshot("o1", "2026-11-01T00:00:00Z"),
                snapshot("o2", "2026-11-02T00:00:00Z"),
                snapshot("o3", "2026-11-03T00:00:00Z"),
                snapshot("o4", "2026-11-04T00:00:00Z"),
                snapshot("o5", "2026-11-05T00:00:00Z"));

        // WHEN
        RetentionPlan plan = plan(snapshots, DeletionBudget.of(2));

        // THEN the two oldest go now, the rest waits for the next run
        assertThat(plan.deleteIdentifiers()).containsExactlyInAnyOrder("o1", "o2");
        assertThat(plan.deferredByBudget()).isEqualTo(3);
        assertThat(reasons(plan, "o5"))
                .containsExactly("kept: deletion budget of 2 per run used up, deferred to a later run");
    }

    @Test
    void plan_should_deleteNothing_when_theBudgetIsZero() {
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                snapshot("old", "2026-11-01T00:00:00Z"));

        RetentionPlan plan = plan(snapshots, DeletionBudget.of(0));

        assertThat(plan.delete()).isEmpty();
        assertThat(plan.deferredByBudget()).isEqualTo(1);
    }

    @Test
    void plan_should_markTheNewestManagedSnapshotOfEachCluster_when_clustersHaveSeveralKinds() {
        // GIVEN two clusters; on cluster a the newest snapshot overall is unmanaged
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of(
                "scheduled", KEEP_LAST_ONE, "pre-deploy", KEEP_LAST_ONE)));
        List<ListedSnapshot> snapshots = List.of(
                withoutTag(managed("a", "scheduled", "a-by-hand", "2026-11-24T12:00:00Z"), TagScheme.MANAGED),
                managed("a", "pre-deploy", "a-deploy", "2026-11-24T10:00:00Z"),
                managed("a", "scheduled", "a-scheduled", "2026-11-24T03:00:00Z"),
                managed("b", "scheduled", "b-scheduled", "2026-11-20T03:00:00Z"));

        // WHEN
        RetentionPlan plan = planner.plan(SnapshotListing.complete(snapshots), NOW, DeletionBudget.unlimited());

        // THEN the newest deletable candidate of each cluster carries the protection
        assertThat(plan.keep()).filteredOn(d -> d.hasReason(ReasonCode.NEWEST_OF_CLUSTER))
                .extracting(SnapshotDecision::identifier)
                .containsExactly("a-deploy", "b-scheduled");
    }

    @Test
    void plan_should_neverDeleteASnapshotCreatedAfterNow_when_thePolicyWouldDeleteIt() {
        // GIVEN two snapshots stamped after now (clock skew): keepLast 1 would delete the older
        List<ListedSnapshot> snapshots = List.of(
                snapshot("future-2", "2026-12-02T00:00:00Z"),
                snapshot("future-1", "2026-12-01T00:00:00Z"));

        // WHEN
        RetentionPlan plan = plan(snapshots);

        // THEN
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "future-1")).containsExactly("kept: created after now (2026-11-25T00:00:00Z)");
    }

    @Test
    void plan_should_keepManagedSnapshotsWithoutAKind_when_theKindTagIsMissing() {
        List<ListedSnapshot> snapshots = List.of(
                snapshot("new", "2026-11-24T00:00:00Z"),
                withoutTag(snapshot("kindless", "2026-11-01T00:00:00Z"), TagScheme.KIND));

        RetentionPlan plan = plan(snapshots);

        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "kindless")).containsExactly("kept: no aurora-guard:kind tag");
    }
}
