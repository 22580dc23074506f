package dev.auroraguard.domain.retention;

import static dev.auroraguard.domain.retention.Snapshots.managed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table tests of the keep rules (restic's forget semantics) on hand-made histories. */
class RetentionPlannerTest {

    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");
    private static final String KIND = "scheduled";

    private static RetentionPlan plan(KeepRules rules, ZoneId zone, Instant now, List<ListedSnapshot> snapshots) {
        RetentionPlanner planner = new RetentionPlanner(new RetentionPolicy(zone, Map.of(KIND, rules)));
        return planner.plan(SnapshotListing.complete(snapshots), now, DeletionBudget.unlimited());
    }

    private static RetentionPlan plan(KeepRules rules, String... createdAt) {
        return plan(rules, RetentionPolicy.UTC, LATER, history(createdAt));
    }

    private static List<ListedSnapshot> history(String... createdAt) {
        return Arrays.stream(createdAt).map(t -> managed(KIND, t)).toList();
    }

    private static List<String> kept(RetentionPlan plan) {
        return plan.keep().stream().map(SnapshotDecision::identifier).toList();
    }

    private static List<String> reasons(RetentionPlan plan, String identifier) {
        return plan.decisionFor(identifier).orElseThrow().reasonTexts();
    }

    @Test
    void plan_should_keepTheLastFourSundays_when_keepDailyIsFourOnWeeklyBackups() {
        // GIVEN one backup every Sunday for 12 weeks (restic's forget documentation example)
        String[] sundays = {
            "2019-09-01T11:00:00Z", "2019-09-08T11:00:00Z", "2019-09-15T11:00:00Z", "2019-09-22T11:00:00Z",
            "2019-09-29T11:00:00Z", "2019-10-06T11:00:00Z", "2019-10-13T11:00:00Z", "2019-10-20T11:00:00Z",
            "2019-10-27T11:00:00Z", "2019-11-03T11:00:00Z", "2019-11-10T11:00:00Z", "2019-11-17T11:00:00Z"};

        // WHEN keepDaily 4 is applied
        RetentionPlan plan = plan(KeepRules.none().withDaily(4), sundays);

        // THEN the four most recent days that have a snapshot are kept, not the last four calendar days
        assertThat(kept(plan)).containsExactly(
                "2019-11-17T11:00:00Z", "2019-11-10T11:00:00Z", "2019-11-03T11:00:00Z", "2019-10-27T11:00:00Z");
        assertThat(plan.delete()).hasSize(8)
                .allSatisfy(d -> assertThat(d.reasonTexts()).containsExactly("deleted: outside all rules"));
        assertThat(reasons(plan, "2019-11-10T11:00:00Z")).containsExactly("kept: daily 2019-11-10");
    }

    @Test
    void plan_should_keepTheNewestOfEachDay_when_aDayHasSeveralSnapshots() {
        // GIVEN three snapshots on one day and two on the day before
        RetentionPlan plan = plan(KeepRules.none().withDaily(2),
                "2026-11-24T03:00:00Z", "2026-11-24T15:00:00Z", "2026-11-24T09:00:00Z",
                "2026-11-23T03:00:00Z", "2026-11-23T22:00:00Z");

        // THEN each day keeps only its newest snapshot
        assertThat(kept(plan)).containsExactly("2026-11-24T15:00:00Z", "2026-11-23T22:00:00Z");
        assertThat(reasons(plan, "2026-11-23T22:00:00Z")).containsExactly("kept: daily 2026-11-23");
    }

    @Test
    void plan_should_breakTiesByIdentifier_when_snapshotsShareTheSameInstant() {
        // GIVEN three snapshots created at the same instant and an older one, listed in two orders
        List<ListedSnapshot> history = new ArrayList<>(List.of(
                managed("db", KIND, "snap-b", "2026-11-24T03:00:00Z"),
                managed("db", KIND, "snap-c", "2026-11-24T03:00:00Z"),
                managed("db", KIND, "snap-a", "2026-11-24T03:00:00Z"),
                managed("db", KIND, "snap-old", "2026-11-23T03:00:00Z")));
        List<ListedSnapshot> reversed = new ArrayList<>(history);
        Collections.reverse(reversed);

        // WHEN keepLast 2 is applied to both orders
        RetentionPlan plan = plan(KeepRules.none().withLast(2), RetentionPolicy.UTC, LATER, history);
        RetentionPlan planOfReversed = plan(KeepRules.none().withLast(2), RetentionPolicy.UTC, LATER, reversed);

        // THEN equal instants are ordered by identifier, so the plan does not depend on listing order
        assertThat(kept(plan)).containsExactly("snap-a", "snap-b");
        assertThat(plan.deleteIdentifiers()).containsExactly("snap-c", "snap-old");
        assertThat(reasons(plan, "snap-b")).containsExactly("kept: last 2 of 2");
        assertThat(planOfReversed).isEqualTo(plan);
    }

    @Test
    void plan_should_countOnlyMonthsWithSnapshots_when_theHistoryHasGapsOfMonths() {
        // GIVEN snapshots in January, February, June and twice in July, nothing in between
        RetentionPlan plan = plan(KeepRules.none().withMonthly(3),
                "2026-01-10T00:00:00Z", "2026-02-10T00:00:00Z", "2026-06-10T00:00:00Z",
                "2026-07-01T00:00:00Z", "2026-07-20T00:00:00Z");

        // THEN the three newest months that have snapshots are kept, gaps do not count
        assertThat(kept(plan)).containsExactly("2026-07-20T00:00:00Z", "2026-06-10T00:00:00Z", "2026-02-10T00:00:00Z");
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-07-01T00:00:00Z", "2026-01-10T00:00:00Z");
        assertThat(reasons(plan, "2026-02-10T00:00:00Z")).containsExactly("kept: monthly 2026-02");
    }

    @Test
    void plan_should_keepASingleSnapshot_when_itIsTheWholeHistory() {
        // GIVEN a single snapshot and every rule at 1
        KeepRules rules = new KeepRules(1, 1, 1, 1, 1, 1, java.util.Optional.of(KeepWithin.parse("P1D")));

        // WHEN planned
        RetentionPlan plan = plan(rules, "2026-11-24T03:00:00Z");

        // THEN every rule keeps it, as a regular (not "oldest") bucket
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "2026-11-24T03:00:00Z")).containsExactly(
                "kept: within P1D of newest 2026-11-24T03:00:00Z",
                "kept: last 1 of 1",
                "kept: hourly 2026-11-24T03:00Z",
                "kept: daily 2026-11-24",
                "kept: weekly 2026-W48",
                "kept: monthly 2026-11",
                "kept: yearly 2026",
                "kept: newest managed snapshot of cluster db");
    }

    @Test
    void plan_should_keepTheOldestSnapshot_when_thereAreFewerBucketsThanAskedFor() {
        // GIVEN two days of history, the older day with two snapshots
        String[] history = {"2026-11-24T12:00:00Z", "2026-11-23T12:00:00Z", "2026-11-23T11:00:00Z"};

        // WHEN keepDaily asks for more days than exist, and then for exactly as many
        RetentionPlan tooFew = plan(KeepRules.none().withDaily(5), history);
        RetentionPlan enough = plan(KeepRules.none().withDaily(2), history);

        // THEN with buckets left the oldest snapshot is kept too, marked "oldest" (restic >= 0.17)
        assertThat(tooFew.delete()).isEmpty();
        assertThat(reasons(tooFew, "2026-11-23T11:00:00Z"))
                .containsExactly("kept: oldest daily 2026-11-23 (fewer than 5 daily buckets)");
        assertThat(tooFew.decisionFor("2026-11-23T11:00:00Z").orElseThrow().hasReason(ReasonCode.OLDEST)).isTrue();
        // AND with every bucket used it is not
        assertThat(enough.deleteIdentifiers()).containsExactly("2026-11-23T11:00:00Z");
    }

    @Test
    void plan_should_keepOldestOnlyForRulesWithCountLeft_when_rulesAreCombined() {
        // GIVEN three snapshots in one month
        RetentionPlan plan = plan(KeepRules.none().withLast(1).withMonthly(1),
                "2026-11-24T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-10T00:00:00Z");

        // THEN both rules are used up by the newest, so the oldest is not kept
        assertThat(kept(plan)).containsExactly("2026-11-24T00:00:00Z");
        assertThat(reasons(plan, "2026-11-24T00:00:00Z"))
                .startsWith("kept: last 1 of 1", "kept: monthly 2026-11");
    }

    @Test
    void plan_should_useIsoWeeks_when_aWeekSpansNewYear() {
        // GIVEN Thursday 31 December 2026 and Friday 1 January 2027: both in ISO week 2026-W53
        String[] newYear = {"2027-01-01T10:00:00Z", "2026-12-31T10:00:00Z", "2026-12-20T10:00:00Z"};

        // WHEN weekly and yearly rules are applied
        RetentionPlan weekly = plan(KeepRules.none().withWeekly(2), newYear);
        RetentionPlan yearly = plan(KeepRules.none().withYearly(2), newYear);

        // THEN they share a week but not a year
        assertThat(kept(weekly)).containsExactly("2027-01-01T10:00:00Z", "2026-12-20T10:00:00Z");
        assertThat(reasons(weekly, "2027-01-01T10:00:00Z")).first().isEqualTo("kept: weekly 2026-W53");
        assertThat(reasons(weekly, "2026-12-20T10:00:00Z")).containsExactly("kept: weekly 2026-W51");
        assertThat(kept(yearly)).containsExactly("2027-01-01T10:00:00Z", "2026-12-31T10:00:00Z");
    }

    @Test
    void plan_should_startWeeksOnMonday_when_sundayAndMondayAreAdjacent() {
        // GIVEN Sunday 3 January 2027 (ISO 2026-W53) and Monday 4 January 2027 (2027-W01)
        RetentionPlan plan = plan(KeepRules.none().withWeekly(1), "2027-01-04T00:30:00Z", "2027-01-03T23:30:00Z");

        // THEN they are different weeks: keepWeekly 1 keeps only Monday's
        assertThat(kept(plan)).containsExactly("2027-01-04T00:30:00Z");
        assertThat(reasons(plan, "2027-01-04T00:30:00Z")).first().isEqualTo("kept: weekly 2027-W01");
    }

    @Test
    void plan_should_measureKeepWithinFromTheNewestSnapshot_when_nowIsMuchLater() {
        // GIVEN snapshots 13 and 15 days before the newest, and "now" half a year later
        List<ListedSnapshot> history = history("2026-11-24T03:00:00Z", "2026-11-11T03:00:00Z", "2026-11-09T03:00:00Z");

        // WHEN keepWithin P14D is applied
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P14D")), RetentionPolicy.UTC,
                Instant.parse("2027-06-01T00:00:00Z"), history);

        // THEN the window ends at the newest snapshot, not at now: the backups are not all deleted
        assertThat(kept(plan)).containsExactly("2026-11-24T03:00:00Z", "2026-11-11T03:00:00Z");
        assertThat(reasons(plan, "2026-11-11T03:00:00Z"))
                .containsExactly("kept: within P14D of newest 2026-11-24T03:00:00Z");
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-11-09T03:00:00Z");
    }

    @Test
    void plan_should_deleteASnapshotExactlyAtTheCutoff_when_keepWithinIsApplied() {
        // GIVEN a snapshot exactly 14 days before the newest, and one a second later
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P14D")),
                "2026-11-24T03:00:00Z", "2026-11-10T03:00:01Z", "2026-11-10T03:00:00Z");

        // THEN "within" means strictly after newest - period
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-11-10T03:00:00Z");
    }

    @Test
    void plan_should_normaliseMonthsLikeRestic_when_keepWithinCrossesAShortMonth() {
        // GIVEN the newest snapshot on 31 March; 31 March minus one month is "31 February" = 3 March
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P1M")),
                "2026-03-31T10:00:00Z", "2026-03-03T10:00:01Z", "2026-03-03T10:00:00Z", "2026-03-01T12:00:00Z");

        // THEN the cutoff is 3 March 10:00, as Go's AddDate computes it (not 28 February)
        assertThat(kept(plan)).containsExactly("2026-03-31T10:00:00Z", "2026-03-03T10:00:01Z");
    }

    @Test
    void plan_should_reproduceResticsOneMonthFourteenDaysExample_when_keepWithinIsP1M14D() {
        // GIVEN the newest snapshot on 18 January: the cutoff is 4 December 12:02:03
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P1M14D")),
                "2016-01-18T12:02:03Z", "2015-12-04T12:02:04Z", "2015-12-04T12:02:03Z", "2015-11-22T10:20:30Z");

        // THEN
        assertThat(kept(plan)).containsExactly("2016-01-18T12:02:03Z", "2015-12-04T12:02:04Z");
    }

    @Test
    void plan_should_ignoreSnapshotsAfterNow_when_choosingTheKeepWithinReference() {
        // GIVEN a snapshot stamped a month after now (clock skew) and two real ones
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        List<ListedSnapshot> history = history("2026-12-30T00:00:00Z", "2026-11-24T03:00:00Z", "2026-11-01T03:00:00Z");

        // WHEN keepWithin P7D is applied
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P7D")), RetentionPolicy.UTC, now,
                history);

        // THEN the window is measured from the newest snapshot before now, and the future one is kept
        assertThat(kept(plan)).containsExactly("2026-12-30T00:00:00Z", "2026-11-24T03:00:00Z");
        assertThat(reasons(plan, "2026-11-24T03:00:00Z"))
                .containsExactly("kept: within P7D of newest 2026-11-24T03:00:00Z");
        assertThat(reasons(plan, "2026-12-30T00:00:00Z"))
                .contains("kept: created after now (2026-11-24T12:00:00Z)");
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-11-01T03:00:00Z");
    }

    @Test
    void plan_should_keepEverythingByKeepWithin_when_noSnapshotIsBeforeNow() {
        // GIVEN only snapshots after now
        List<ListedSnapshot> history = history("2026-12-30T00:00:00Z", "2026-12-01T00:00:00Z");

        // WHEN
        RetentionPlan plan = plan(KeepRules.none().withWithin(KeepWithin.parse("P7D")), RetentionPolicy.UTC,
                Instant.parse("2026-11-24T12:00:00Z"), history);

        // THEN (restic: the reference is the zero time, so the window covers everything)
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "2026-12-01T00:00:00Z")).first()
                .isEqualTo("kept: within P7D (no snapshot created before now)");
    }

    @Test
    void plan_should_bucketByLocalDate_when_thePolicyZoneIsNotUtc() {
        // GIVEN 23:30 UTC on the 23rd, which is 00:30 on the 24th in Berlin
        List<ListedSnapshot> history = history("2026-11-24T10:00:00Z", "2026-11-23T23:30:00Z", "2026-11-23T12:00:00Z");
        KeepRules rules = KeepRules.none().withDaily(2);

        // WHEN the same rules run in Berlin time and in UTC
        RetentionPlan berlin = plan(rules, ZoneId.of("Europe/Berlin"), LATER, history);
        RetentionPlan utc = plan(rules, RetentionPolicy.UTC, LATER, history);

        // THEN the buckets follow the configured zone
        assertThat(berlin.deleteIdentifiers()).containsExactly("2026-11-23T23:30:00Z");
        assertThat(reasons(berlin, "2026-11-23T12:00:00Z")).containsExactly("kept: daily 2026-11-23");
        assertThat(utc.deleteIdentifiers()).containsExactly("2026-11-23T12:00:00Z");
    }

    @Test
    void plan_should_countTheRepeatedHourTwice_when_daylightSavingTimeEnds() {
        // GIVEN 02:30 CEST and 02:30 CET on 25 October 2026 in Berlin (the hour 02:00 happens twice)
        List<ListedSnapshot> history = history("2026-10-25T01:30:00Z", "2026-10-25T00:30:00Z", "2026-10-24T12:00:00Z");

        // WHEN keepHourly 2 is applied in Berlin time
        RetentionPlan plan = plan(KeepRules.none().withHourly(2), ZoneId.of("Europe/Berlin"), LATER, history);

        // THEN each real hour is its own bucket, labelled with its offset
        assertThat(reasons(plan, "2026-10-25T01:30:00Z")).first().isEqualTo("kept: hourly 2026-10-25T02:00+01:00");
        assertThat(reasons(plan, "2026-10-25T00:30:00Z")).containsExactly("kept: hourly 2026-10-25T02:00+02:00");
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-10-24T12:00:00Z");
    }

    @Test
    void plan_should_treatTheShortDayAsOneDay_when_daylightSavingTimeStarts() {
        // GIVEN 29 March 2026 in Berlin has 23 hours; snapshots at its start and end
        List<ListedSnapshot> history = history("2026-03-29T21:30:00Z", "2026-03-28T23:30:00Z", "2026-03-28T12:00:00Z");

        // WHEN keepDaily 2 is applied in Berlin time
        RetentionPlan plan = plan(KeepRules.none().withDaily(2), ZoneId.of("Europe/Berlin"), LATER, history);

        // THEN 23:30 on the 29th CEST and 00:30 on the 29th CET are the same day
        assertThat(reasons(plan, "2026-03-29T21:30:00Z")).first().isEqualTo("kept: daily 2026-03-29");
        assertThat(plan.deleteIdentifiers()).containsExactly("2026-03-28T23:30:00Z");
    }

    @Test
    void plan_should_useCalendarDaysForKeepWithin_when_theWindowSpansADstChange() {
        // GIVEN the newest snapshot at 12:00 CEST on 29 March 2026; one day earlier is 12:00 CET = 11:00 UTC
        List<ListedSnapshot> history = history("2026-03-29T10:00:00Z", "2026-03-28T10:30:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        // WHEN P1D (a calendar day) and PT24H (elapsed time) are applied
        RetentionPlan day = plan(KeepRules.none().withWithin(KeepWithin.parse("P1D")), berlin, LATER, history);
        RetentionPlan hours = plan(KeepRules.none().withWithin(KeepWithin.parse("PT24H")), berlin, LATER, history);

        // THEN the 23-hour calendar day excludes the older snapshot and 24 hours include it
        assertThat(day.deleteIdentifiers()).containsExactly("2026-03-28T10:30:00Z");
        assertThat(hours.delete()).isEmpty();
    }

    @Test
    void plan_should_keepEverything_when_theKindHasNoRules() {
        // GIVEN a kind the policy does not name, and a kind with empty rules
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of("pre-deploy", KeepRules.NONE)));
        List<ListedSnapshot> history = List.of(
                managed("db", "scheduled", "s1", "2026-11-24T00:00:00Z"),
                managed("db", "scheduled", "s2", "2026-11-23T00:00:00Z"),
                managed("db", "pre-deploy", "p1", "2026-11-22T00:00:00Z"),
                managed("db", "pre-deploy", "p2", "2026-11-21T00:00:00Z"));

        // WHEN
        RetentionPlan plan = planner.plan(SnapshotListing.complete(history), LATER, DeletionBudget.unlimited());

        // THEN nothing is deleted and each says why
        assertThat(plan.delete()).isEmpty();
        assertThat(reasons(plan, "s2")).containsExactly("kept: no rules for kind scheduled");
        assertThat(reasons(plan, "p2")).containsExactly("kept: no rules for kind pre-deploy");
    }

    @Test
    void plan_should_applyRulesPerClusterAndKind_when_theListingMixesThem() {
        // GIVEN two clusters with two kinds each
        RetentionPlanner planner = new RetentionPlanner(RetentionPolicy.utc(Map.of(
                "scheduled", KeepRules.none().withLast(1),
                "pre-deploy", KeepRules.none().withLast(1))));
        List<ListedSnapshot> history = List.of(
                managed("a", "scheduled", "a-s1", "2026-11-24T00:00:00Z"),
                managed("a", "scheduled", "a-s2", "2026-11-23T00:00:00Z"),
                managed("a", "pre-deploy", "a-p1", "2026-11-20T00:00:00Z"),
                managed("a", "pre-deploy", "a-p2", "2026-11-19T00:00:00Z"),
                managed("b", "scheduled", "b-s1", "2026-11-10T00:00:00Z"),
                managed("b", "scheduled", "b-s2", "2026-11-09T00:00:00Z"));

        // WHEN
        RetentionPlan plan = planner.plan(SnapshotListing.complete(history), LATER, DeletionBudget.unlimited());

        // THEN each (cluster, kind) group keeps its own newest
        assertThat(kept(plan)).containsExactly("a-s1", "a-p1", "b-s1");
        assertThat(plan.deleteIdentifiers()).containsExactly("a-s2", "a-p2", "b-s2");
    }

    @Test
    void plan_should_refuse_when_theListingHoldsAnIdentifierTwice() {
        List<ListedSnapshot> history = List.of(
                managed("db", KIND, "same", "2026-11-24T00:00:00Z"),
                managed("db", KIND, "same", "2026-11-23T00:00:00Z"));

        assertThatThrownBy(() -> plan(KeepRules.none().withLast(1), RetentionPolicy.UTC, LATER, history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot same twice");
    }

    @Test
    void plan_should_matchResticsReferenceResults_when_givenResticsTestHistory() {
        // GIVEN the history restic's own policy tests use (internal/data/snapshot_policy_test.go)
        List<ListedSnapshot> history = ResticReferenceHistory.snapshots();

        // THEN each policy keeps what restic's golden files (testdata/policy_keep_snapshots_N) record
        assertThat(keptTimes(KeepRules.none().withLast(10), history)).hasSize(10);
        assertThat(keptTimes(KeepRules.none().withHourly(20), history)).containsExactly(
                "2016-01-18T12:02:03Z", "2016-01-12T21:08:03Z", "2016-01-09T21:02:03Z", "2016-01-08T20:02:03Z",
                "2016-01-07T10:02:03Z", "2016-01-06T08:02:03Z", "2016-01-05T09:02:03Z", "2016-01-04T16:23:03Z",
                "2016-01-04T12:30:03Z", "2016-01-04T11:23:03Z", "2016-01-04T10:23:03Z", "2016-01-03T07:02:03Z",
                "2016-01-01T07:08:03Z", "2016-01-01T01:03:03Z", "2015-11-22T10:20:30Z", "2015-11-21T10:20:30Z",
                "2015-11-20T10:20:30Z", "2015-11-18T10:20:30Z", "2015-11-15T10:20:30Z", "2015-11-13T10:20:30.100Z");
        assertThat(keptTimes(KeepRules.none().withDaily(30), history)).hasSize(30)
                .startsWith("2016-01-18T12:02:03Z", "2016-01-12T21:08:03Z", "2016-01-09T21:02:03Z")
                .endsWith("2015-10-02T10:20:30Z", "2015-10-01T10:20:30Z", "2015-09-22T10:20:30Z");
        assertThat(keptTimes(KeepRules.none().withDaily(2).withWeekly(2).withMonthly(6), history)).containsExactly(
                "2016-01-18T12:02:03Z", "2016-01-12T21:08:03Z", "2015-11-22T10:20:30Z", "2015-10-22T10:20:30Z",
                "2015-09-22T10:20:30Z", "2015-08-22T10:20:30Z", "2014-11-22T10:20:30Z");
        assertThat(keptTimes(KeepRules.none().withYearly(10), history)).containsExactly(
                "2016-01-18T12:02:03Z", "2015-11-22T10:20:30Z", "2014-11-22T10:20:30Z", "2014-08-08T10:20:30Z");
        assertThat(keptTimes(KeepRules.none().withWithin(KeepWithin.parse("P1M14D")), history)).hasSize(19)
                .endsWith("2016-01-01T01:02:03Z");
        assertThat(keptTimes(KeepRules.none().withWithin(KeepWithin.parse("P1Y2M3DT3H")), history))
                .endsWith("2014-11-18T10:20:30Z", "2014-11-15T10:20:30Z")
                .doesNotContain("2014-11-13T10:20:30.100Z");
    }

    private static List<String> keptTimes(KeepRules rules, List<ListedSnapshot> history) {
        return plan(rules, RetentionPolicy.UTC, LATER, history).keep().stream()
                .map(d -> d.snapshot().createdAt().toString())
                .toList();
    }
}
