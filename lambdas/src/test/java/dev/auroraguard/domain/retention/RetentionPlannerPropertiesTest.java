package dev.auroraguard.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the planner over random histories, policies and budgets. Histories mix time scales
 * (minutes to years), exact ties, DST changes, several clusters and kinds, and every protected
 * kind of snapshot; policies use every rule in several time zones.
 */
class RetentionPlannerPropertiesTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final long DST_END_BERLIN = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond()
            - BASE.getEpochSecond();
    private static final List<String> KINDS = List.of("scheduled", "pre-deploy", "weekly-export");
    private static final List<String> PERIODS = List.of("PT1H", "PT36H", "P1D", "P7D", "P2W", "P1M", "P1M14D", "P1Y");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Pacific/Apia"));

    /** One random planning input. */
    record Scenario(List<ListedSnapshot> snapshots, RetentionPolicy policy, Instant now) {

        RetentionPlan plan(DeletionBudget budget) {
            return plan(snapshots, budget);
        }

        RetentionPlan plan(List<ListedSnapshot> listed, DeletionBudget budget) {
            return new RetentionPlanner(policy).plan(SnapshotListing.complete(listed), now, budget);
        }

        Scenario withPolicy(RetentionPolicy other) {
            return new Scenario(snapshots, other, now);
        }
    }

    // ---------------------------------------------------------------- properties

    @Property
    void everyListedSnapshotIsDecidedOnce_and_onlyListedSnapshotsAreDeleted(
            @ForAll("scenarios") Scenario scenario, @ForAll("budgets") DeletionBudget budget) {
        RetentionPlan plan = scenario.plan(budget);

        List<String> decided = plan.decisions().stream().map(SnapshotDecision::identifier).toList();
        assertThat(decided).containsExactlyInAnyOrderElementsOf(identifiers(scenario.snapshots()));
        assertThat(plan.delete()).allSatisfy(d -> assertThat(scenario.snapshots()).contains(d.snapshot()));
    }

    @Property
    void protectedSnapshotsAreNeverDeleted(
            @ForAll("scenarios") Scenario scenario, @ForAll("budgets") DeletionBudget budget) {
        RetentionPlan plan = scenario.plan(budget);

        for (SnapshotDecision decision : plan.delete()) {
            ListedSnapshot s = decision.snapshot();
            assertThat(s.managed()).as("managed %s", s).isTrue();
            assertThat(s.retained()).as("retained %s", s).isFalse();
            assertThat(s.available()).as("available %s", s).isTrue();
            assertThat(s.manual()).as("manual %s", s).isTrue();
            assertThat(s.kind()).as("kind of %s", s).isPresent();
            assertThat(s.createdAt()).as("created before now %s", s).isBeforeOrEqualTo(scenario.now());
        }
        Set<String> deleted = new HashSet<>(plan.deleteIdentifiers());
        Map<String, List<ListedSnapshot>> byCluster = scenario.snapshots().stream()
                .collect(Collectors.groupingBy(ListedSnapshot::cluster));
        byCluster.forEach((cluster, snapshots) -> {
            ListedSnapshot newest = snapshots.stream().min(RetentionPlanner.NEWEST_FIRST).orElseThrow();
            assertThat(deleted).as("newest of cluster %s", cluster).doesNotContain(newest.identifier());
            snapshots.stream()
                    .filter(s -> s.managed() && s.manual() && s.available())
                    .min(RetentionPlanner.NEWEST_FIRST)
                    .ifPresent(newestManaged -> assertThat(deleted)
                            .as("newest managed of cluster %s", cluster)
                            .doesNotContain(newestManaged.identifier()));
        });
    }

    @Property
    void everyDecisionExplainsItself(@ForAll("scenarios") Scenario scenario, @ForAll("budgets") DeletionBudget budget) {
        RetentionPlan plan = scenario.plan(budget);

        assertThat(plan.delete()).allSatisfy(d ->
                assertThat(d.reasonTexts()).containsExactly("deleted: outside all rules"));
        assertThat(plan.keep()).allSatisfy(d -> {
            assertThat(d.reasons()).isNotEmpty();
            assertThat(d.reasons()).allSatisfy(r -> {
                assertThat(r.code().keeps()).isTrue();
                assertThat(r.text()).startsWith("kept: ");
            });
        });
    }

    @Property
    void anIncompleteListingDeletesNothing(@ForAll("scenarios") Scenario scenario) {
        RetentionPlan plan = new RetentionPlanner(scenario.policy())
                .plan(SnapshotListing.incomplete(scenario.snapshots()), scenario.now(), DeletionBudget.unlimited());

        assertThat(plan.delete()).isEmpty();
        int wouldDelete = scenario.plan(DeletionBudget.unlimited()).delete().size();
        assertThat(plan.keep()).filteredOn(d -> d.hasReason(ReasonCode.LISTING_INCOMPLETE)).hasSize(wouldDelete);
    }

    @Property
    void theBudgetIsNeverExceeded_and_deletesTheOldestFirst(
            @ForAll("scenarios") Scenario scenario, @ForAll("budgets") DeletionBudget budget) {
        RetentionPlan plan = scenario.plan(budget);
        RetentionPlan unlimited = scenario.plan(DeletionBudget.unlimited());

        assertThat(plan.delete().size()).isEqualTo(Math.min(budget.maxDeletions(), unlimited.delete().size()));
        assertThat(plan.deferredByBudget()).isEqualTo(unlimited.delete().size() - plan.delete().size());
        Instant newestDeleted = plan.delete().stream().map(d -> d.snapshot().createdAt())
                .max(Comparator.naturalOrder()).orElse(Instant.MIN);
        assertThat(plan.keep()).filteredOn(d -> d.hasReason(ReasonCode.BUDGET_EXHAUSTED))
                .allSatisfy(d -> assertThat(d.snapshot().createdAt()).isAfterOrEqualTo(newestDeleted));
    }

    /**
     * Idempotence, stated precisely: with no budget limit, planning again on the listing left after
     * applying a plan (same policy, same now) deletes nothing. With a budget the second run does
     * delete: the deferred rest (see the next property).
     */
    @Property
    void planningAgainAfterApplyingAnUnlimitedPlanDeletesNothing(@ForAll("scenarios") Scenario scenario) {
        RetentionPlan first = scenario.plan(DeletionBudget.unlimited());

        RetentionPlan second = scenario.plan(remaining(scenario.snapshots(), first), DeletionBudget.unlimited());

        assertThat(second.delete()).isEmpty();
    }

    /** Budgeted runs (same now) only ever delete what the unlimited plan deletes, and end with the same survivors. */
    @Property
    void budgetedRunsConvergeToTheUnlimitedPlan(
            @ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 1, max = 4) int perRun) {
        RetentionPlan unlimited = scenario.plan(DeletionBudget.unlimited());
        Set<String> unlimitedDeletes = new HashSet<>(unlimited.deleteIdentifiers());

        List<ListedSnapshot> listed = scenario.snapshots();
        int runs = 0;
        while (true) {
            RetentionPlan run = scenario.plan(listed, DeletionBudget.of(perRun));
            if (run.delete().isEmpty()) {
                break;
            }
            assertThat(unlimitedDeletes).containsAll(run.deleteIdentifiers());
            listed = remaining(listed, run);
            runs++;
            assertThat(runs).as("runs").isLessThanOrEqualTo(scenario.snapshots().size());
        }

        assertThat(identifiers(listed)).containsExactlyInAnyOrderElementsOf(identifiers(remaining(
                scenario.snapshots(), unlimited)));
    }

    @Property
    void thePlanDoesNotDependOnListingOrder(
            @ForAll("scenarios") Scenario scenario, @ForAll("budgets") DeletionBudget budget, @ForAll long seed) {
        List<ListedSnapshot> shuffled = new ArrayList<>(scenario.snapshots());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(scenario.plan(shuffled, budget)).isEqualTo(scenario.plan(budget));
    }

    /**
     * Growing a keep count of a kind that already has rules never deletes more: without a budget the
     * deletions are a subset, with one their number is not larger. (From no rules at all to one rule
     * does delete more: an empty rule set keeps everything, as restic refuses an empty policy.)
     */
    @Property
    void growingAKeepCountNeverDeletesMore(
            @ForAll("scenarios") Scenario scenario,
            @ForAll("kinds") String kind,
            @ForAll BucketRule rule,
            @ForAll @IntRange(min = 1, max = 3) int more,
            @ForAll("budgets") DeletionBudget budget) {
        KeepRules rules = scenario.policy().rulesFor(kind);
        Assume.that(!rules.isEmpty());
        Scenario grown = scenario.withPolicy(withRules(scenario.policy(), kind,
                rules.with(rule, rules.count(rule) + more)));

        assertGrowthDeletesNoMore(scenario, grown, budget);
    }

    @Property
    void lengtheningKeepWithinNeverDeletesMore(
            @ForAll("scenarios") Scenario scenario,
            @ForAll("kinds") String kind,
            @ForAll("periods") KeepWithin extra,
            @ForAll("budgets") DeletionBudget budget) {
        KeepRules rules = scenario.policy().rulesFor(kind);
        Assume.that(!rules.isEmpty());
        KeepWithin longer = rules.within()
                .map(w -> new KeepWithin(w.years() + extra.years(), w.months() + extra.months(),
                        w.days() + extra.days(), w.time().plus(extra.time())))
                .orElse(extra);
        Scenario grown = scenario.withPolicy(withRules(scenario.policy(), kind, rules.withWithin(longer)));

        assertGrowthDeletesNoMore(scenario, grown, budget);
    }

    /**
     * A single counted rule keeps exactly what restic's documentation says: the newest snapshot of
     * each of the newest {@code n} buckets that hold snapshots, plus the oldest snapshot when there
     * are fewer than {@code n} buckets. Computed here without walking the history.
     */
    @Property
    void aSingleCountedRuleKeepsTheNewestOfTheNewestBuckets(
            @ForAll("groups") List<ListedSnapshot> group,
            @ForAll BucketRule rule,
            @ForAll @IntRange(min = 1, max = 6) int count,
            @ForAll("zones") ZoneId zone) {
        RetentionPolicy policy = new RetentionPolicy(zone, Map.of("scheduled", KeepRules.NONE.with(rule, count)));
        RetentionPlan plan = new RetentionPlanner(policy)
                .plan(SnapshotListing.complete(group), BASE.plusSeconds(10L * 365 * 86400), DeletionBudget.unlimited());

        List<ListedSnapshot> newestFirst = group.stream().sorted(RetentionPlanner.NEWEST_FIRST).toList();
        Set<String> expected = new HashSet<>();
        if (rule == BucketRule.LAST) {
            newestFirst.stream().limit(count).forEach(s -> expected.add(s.identifier()));
        } else {
            Map<String, ListedSnapshot> newestOfBucket = new LinkedHashMap<>();
            for (ListedSnapshot s : newestFirst) {
                newestOfBucket.putIfAbsent(rule.bucketOf(s.createdAt().atZone(zone)), s);
            }
            newestOfBucket.values().stream()
                    .sorted(RetentionPlanner.NEWEST_FIRST)
                    .limit(count)
                    .forEach(s -> expected.add(s.identifier()));
            if (newestOfBucket.size() < count) {
                expected.add(newestFirst.get(newestFirst.size() - 1).identifier());
            }
        }
        assertThat(plan.keep()).extracting(SnapshotDecision::identifier).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** keepWithin keeps exactly the snapshots created after (newest before now) minus the period. */
    @Property
    void keepWithinKeepsExactlyTheSnapshotsAfterTheCutoff(
            @ForAll("groups") List<ListedSnapshot> group,
            @ForAll("periods") KeepWithin period,
            @ForAll("zones") ZoneId zone,
            @ForAll("nows") Instant now) {
        RetentionPolicy policy = new RetentionPolicy(zone, Map.of("scheduled", KeepRules.NONE.withWithin(period)));
        RetentionPlan plan = new RetentionPlanner(policy)
                .plan(SnapshotListing.complete(group), now, DeletionBudget.unlimited());

        Optional<Instant> reference = group.stream().map(ListedSnapshot::createdAt)
                .filter(t -> t.isBefore(now)).max(Comparator.naturalOrder());
        List<String> expected = group.stream()
                .filter(s -> reference.isEmpty() || s.createdAt().isAfter(period.cutoff(reference.get(), zone))
                        || s.createdAt().isAfter(now))
                .map(ListedSnapshot::identifier)
                .toList();
        assertThat(plan.keep()).extracting(SnapshotDecision::identifier).containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertGrowthDeletesNoMore(Scenario scenario, Scenario grown, DeletionBudget budget) {
        Set<String> before = new HashSet<>(scenario.plan(DeletionBudget.unlimited()).deleteIdentifiers());
        List<String> after = grown.plan(DeletionBudget.unlimited()).deleteIdentifiers();
        assertThat(before).containsAll(after);
        assertThat(grown.plan(budget).delete().size()).isLessThanOrEqualTo(scenario.plan(budget).delete().size());
    }

    private static RetentionPolicy withRules(RetentionPolicy policy, String kind, KeepRules rules) {
        Map<String, KeepRules> rulesByKind = new LinkedHashMap<>(policy.rulesByKind());
        rulesByKind.put(kind, rules);
        return new RetentionPolicy(policy.zone(), rulesByKind);
    }

    private static List<ListedSnapshot> remaining(List<ListedSnapshot> listed, RetentionPlan plan) {
        Set<String> deleted = new HashSet<>(plan.deleteIdentifiers());
        return listed.stream().filter(s -> !deleted.contains(s.identifier())).toList();
    }

    private static List<String> identifiers(List<ListedSnapshot> snapshots) {
        return snapshots.stream().map(ListedSnapshot::identifier).toList();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(histories(), policies(), nows()).as(Scenario::new);
    }

    @Provide
    Arbitrary<DeletionBudget> budgets() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(DeletionBudget.unlimited())),
                Tuple.of(3, Arbitraries.integers().between(0, 5).map(DeletionBudget::of)));
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of(KINDS);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<KeepWithin> periods() {
        return Arbitraries.of(PERIODS).map(KeepWithin::parse);
    }

    @Provide
    Arbitrary<Instant> nows() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(BASE.plusSeconds(4L * 365 * 86400))),
                Tuple.of(2, createdAts()));
    }

    /** Managed, manual, available snapshots of one cluster and kind: a single rule group. */
    @Provide
    Arbitrary<List<ListedSnapshot>> groups() {
        return createdAts().list().ofMinSize(1).ofMaxSize(30).map(times -> {
            List<ListedSnapshot> group = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                group.add(new ListedSnapshot(String.format("snap-%02d", i), "db", times.get(i), "available", "manual",
                        Map.of(TagScheme.MANAGED, "true", TagScheme.KIND, "scheduled")));
            }
            return group;
        });
    }

    private Arbitrary<List<ListedSnapshot>> histories() {
        Arbitrary<ListedSnapshot> draft = Combinators.combine(
                Arbitraries.of("alpha", "beta", "gamma"),
                Arbitraries.frequencyOf(Tuple.of(6, kinds()), Tuple.of(1, Arbitraries.just(""))),
                createdAts(),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("available")),
                        Tuple.of(1, Arbitraries.of("creating", "copying", "failed"))),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("manual")), Tuple.of(1, Arbitraries.just("automated"))),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("true")), Tuple.of(1, Arbitraries.of("", "false"))),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("true", "yes")),
                        Tuple.of(1, Arbitraries.just("false"))))
                .as((cluster, kind, createdAt, status, type, managed, retain) -> {
                    Map<String, String> tags = new HashMap<>();
                    if (!kind.isEmpty()) {
                        tags.put(TagScheme.KIND, kind);
                    }
                    if (!managed.isEmpty()) {
                        tags.put(TagScheme.MANAGED, managed);
                    }
                    if (!retain.isEmpty()) {
                        tags.put(TagScheme.RETAIN, retain);
                    }
                    return new ListedSnapshot("draft", cluster, createdAt, status, type, tags);
                });
        return draft.list().ofMaxSize(40).map(drafts -> {
            List<ListedSnapshot> named = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                ListedSnapshot d = drafts.get(i);
                named.add(new ListedSnapshot(String.format("snap-%02d", i), d.cluster(), d.createdAt(), d.status(),
                        d.type(), d.tags()));
            }
            return named;
        });
    }

    /** Creation times at several scales, with exact ties and times around a DST change. */
    private Arbitrary<Instant> createdAts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 3L * 365 * 86400)),
                Tuple.of(3, Arbitraries.longs().between(0, 21L * 86400)),
                Tuple.of(2, Arbitraries.longs().between(0, 48L * 3600)),
                Tuple.of(1, Arbitraries.of(0L, 3600L, 86400L, 7L * 86400)),
                Tuple.of(1, Arbitraries.longs().between(-6 * 3600, 6 * 3600).map(s -> DST_END_BERLIN + s)))
                .map(BASE::plusSeconds);
    }

    private Arbitrary<RetentionPolicy> policies() {
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(1, 5)));
        Arbitrary<Optional<KeepWithin>> within = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Optional.<KeepWithin>empty())),
                Tuple.of(1, periods().map(Optional::of)));
        Arbitrary<KeepRules> rules = Combinators.combine(count, count, count, count, count, count, within)
                .as(KeepRules::new);
        Arbitrary<Optional<KeepRules>> maybeRules = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<KeepRules>empty())), Tuple.of(5, rules.map(Optional::of)));
        return Combinators.combine(zones(), maybeRules, maybeRules, maybeRules).as((zone, a, b, c) -> {
            Map<String, KeepRules> rulesByKind = new LinkedHashMap<>();
            a.ifPresent(r -> rulesByKind.put(KINDS.get(0), r));
            b.ifPresent(r -> rulesByKind.put(KINDS.get(1), r));
            c.ifPresent(r -> rulesByKind.put(KINDS.get(2), r));
            return new RetentionPolicy(zone, rulesByKind);
        });
    }
}
