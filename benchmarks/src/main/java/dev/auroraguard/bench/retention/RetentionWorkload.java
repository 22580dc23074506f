package dev.auroraguard.bench.retention;

import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.RetentionPolicy;
import dev.auroraguard.domain.retention.SnapshotListing;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What one {@code snapshot-cleanup} run plans on in a large account: the manual cluster snapshots of
 * {@value #CLUSTERS} clusters as DescribeDBClusterSnapshots lists them, the policy, the run's time and its
 * deletion budget. Generated from a seed, so every run of the benchmark plans on the same account.
 *
 * <p>The account is a backlog: aurora-guard has been taking snapshots and nothing has cleaned them up yet,
 * the heaviest plan a first cleanup run (or {@code plan-retention} on an export) makes. Per cluster, with
 * the snapshots spread evenly (1,000 snapshots: 10 per cluster):
 * <ul>
 *   <li>scheduled snapshots ({@code aurora-guard:kind=scheduled}) on the cluster's own cadence, every 4, 6,
 *       8, 12 or 24 hours, started up to 15 minutes after the slot, with about 2% of slots missed, ending
 *       at the last slot before the run: 1,000 per cluster reach back about 5 months (every 4 hours) to
 *       2.4 years (daily);
 *   <li>about 10% pre-deploy snapshots ({@code aurora-guard:kind=pre-deploy}) at random office hours
 *       over the same span;
 *   <li>about 2% snapshots a person took by hand (manual, no {@code aurora-guard:managed} tag);
 *   <li>about 1% of managed snapshots protected with {@code aurora-guard:retain=true}, and as many
 *       carrying {@code aurora-guard:retain=false} (which protects nothing);
 *   <li>in about one cluster in ten the newest scheduled snapshot is still {@code creating}.
 * </ul>
 * Identifiers are the ones aurora-guard gives ({@link SnapshotNamer}); tags are those it writes plus the
 * cluster's own copied tags. The listing comes in a shuffled order, as the planner must not depend on it.
 *
 * @param clusters the cluster identifiers
 * @param snapshots every listed snapshot, in listing order
 * @param policy {@link #POLICY_JSON}, read as the function reads {@code RETENTION_POLICY}
 * @param now the run's time, {@link #NOW}
 * @param budget the function's default deletion budget
 */
public record RetentionWorkload(
        List<String> clusters,
        List<ListedSnapshot> snapshots,
        RetentionPolicy policy,
        Instant now,
        DeletionBudget budget) {

    public static final int CLUSTERS = 100;

    /** The seed the benchmark uses. */
    public static final long SEED = 20261124L;

    /** The run's time: the schedule's default, daily at 04:00 UTC. */
    public static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");

    /**
     * Every kind of rule the policy language has except {@code keepHourly} (not meaningful for snapshots
     * taken every few hours), in a zone with daylight saving time so that buckets are local calendar
     * periods: a policy an operator would write.
     */
    public static final String POLICY_JSON = """
            {
              "timezone": "Europe/Berlin",
              "rules": {
                "scheduled":  { "keepDaily": 14, "keepWeekly": 8, "keepMonthly": 12, "keepYearly": 5, "keepWithin": "P2D" },
                "pre-deploy": { "keepLast": 10, "keepWithin": "P30D" }
              }
            }""";

    static final int[] CADENCE_HOURS = {4, 6, 8, 12, 24};
    static final double HAND_MADE = 0.02;
    static final double PRE_DEPLOY = 0.10;
    static final double MISSED_SLOT = 0.02;
    static final double RETAINED = 0.01;
    static final double RETAIN_FALSE = 0.01;
    static final double NEWEST_CREATING = 0.10;

    private static final String[] TEAMS = {"payments", "orders", "identity", "search", "analytics"};
    private static final String[] ENVIRONMENTS = {"production", "staging"};

    public RetentionWorkload {
        clusters = List.copyOf(clusters);
        snapshots = List.copyOf(snapshots);
    }

    /** The listing a run that read every page sees. */
    public SnapshotListing listing() {
        return SnapshotListing.complete(snapshots);
    }

    /**
     * Generates the account.
     *
     * @param snapshots how many snapshots in all, a positive multiple of {@value #CLUSTERS}
     * @param seed the same seed gives the same account
     * @throws IllegalArgumentException if {@code snapshots} is not a positive multiple of {@value #CLUSTERS}
     */
    public static RetentionWorkload generate(int snapshots, long seed) {
        if (snapshots <= 0 || snapshots % CLUSTERS != 0) {
            throw new IllegalArgumentException("the snapshot count must be a positive multiple of " + CLUSTERS
                    + " (the same number for every cluster); got " + snapshots);
        }
        RetentionPolicy policy = RetentionPolicyJson.parse(POLICY_JSON);
        Random random = new Random(seed);
        int perCluster = snapshots / CLUSTERS;
        List<String> clusters = new ArrayList<>(CLUSTERS);
        List<ListedSnapshot> listed = new ArrayList<>(snapshots);
        for (int c = 0; c < CLUSTERS; c++) {
            String cluster = String.format(Locale.ROOT, "%s-db-%02d", TEAMS[c % TEAMS.length], c);
            clusters.add(cluster);
            listed.addAll(cluster(cluster, perCluster, random));
        }
        Collections.shuffle(listed, random);
        requireUnique(listed);
        return new RetentionWorkload(clusters, listed, policy, NOW, DeletionBudget.DEFAULT);
    }

    private static List<ListedSnapshot> cluster(String cluster, int count, Random random) {
        int handMade = 0;
        int preDeploy = 0;
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            if (draw < HAND_MADE) {
                handMade++;
            } else if (draw < HAND_MADE + PRE_DEPLOY) {
                preDeploy++;
            }
        }
        int scheduled = count - handMade - preDeploy;
        Map<String, String> clusterTags = Map.of(
                "team", TEAMS[random.nextInt(TEAMS.length)],
                "environment", ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)],
                "cost-center", "cc-" + (1000 + random.nextInt(9000)));

        List<ListedSnapshot> result = new ArrayList<>(count);
        Duration cadence = Duration.ofHours(CADENCE_HOURS[random.nextInt(CADENCE_HOURS.length)]);
        // Slots are whole multiples of the cadence (03:00 for daily ones), walking back from the last before NOW.
        Instant slot = NOW.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(3));
        while (!slot.isBefore(NOW)) {
            slot = slot.minus(cadence);
        }
        while (slot.plus(cadence).isBefore(NOW)) {
            slot = slot.plus(cadence);
        }
        Instant newestSlot = slot;
        boolean newestCreating = random.nextDouble() < NEWEST_CREATING;
        for (int made = 0; made < scheduled; slot = slot.minus(cadence)) {
            if (!slot.equals(newestSlot) && random.nextDouble() < MISSED_SLOT) {
                continue;
            }
            Instant createdAt = slot.plusMillis(random.nextInt(15 * 60 * 1000));
            boolean creating = newestCreating && slot.equals(newestSlot);
            Map<String, String> tags = new LinkedHashMap<>(clusterTags);
            tags.put(TagScheme.MANAGED, TagScheme.TRUE);
            tags.put(TagScheme.KIND, SnapshotKind.SCHEDULED.word());
            tags.put(TagScheme.TRIGGER, new UUID(random.nextLong(), random.nextLong()).toString());
            tags.put(TagScheme.SLOT, slot.toString());
            protect(tags, random);
            result.add(new ListedSnapshot(SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, new ScheduledSlot(slot)),
                    cluster, createdAt, creating ? "creating" : ListedSnapshot.STATUS_AVAILABLE,
                    ListedSnapshot.TYPE_MANUAL, tags));
            made++;
        }
        Instant oldest = slot;
        long spanDays = Math.max(1, Duration.between(oldest, NOW).toDays());

        for (int i = 0; i < preDeploy; i++) {
            String job = new UUID(random.nextLong(), random.nextLong()).toString();
            Map<String, String> tags = new LinkedHashMap<>(clusterTags);
            tags.put(TagScheme.MANAGED, TagScheme.TRUE);
            tags.put(TagScheme.KIND, SnapshotKind.PRE_DEPLOY.word());
            tags.put(TagScheme.LABEL, "release-" + (1 + random.nextInt(5000)));
            tags.put(TagScheme.PIPELINE_JOB, job);
            protect(tags, random);
            result.add(new ListedSnapshot(SnapshotNamer.preDeploySnapshotId(cluster, job), cluster,
                    officeHours(NOW, spanDays, random), ListedSnapshot.STATUS_AVAILABLE, ListedSnapshot.TYPE_MANUAL,
                    tags));
        }
        for (int i = 0; i < handMade; i++) {
            Instant createdAt = officeHours(NOW, spanDays, random);
            result.add(new ListedSnapshot(cluster + "-before-change-" + i + "-" + createdAt.getEpochSecond(), cluster,
                    createdAt, ListedSnapshot.STATUS_AVAILABLE, ListedSnapshot.TYPE_MANUAL, clusterTags));
        }
        return result;
    }

    /** A random time between 08:00 and 18:00 UTC on one of the {@code days} days before {@code now}'s day. */
    private static Instant officeHours(Instant now, long days, Random random) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1 + (long) (random.nextDouble() * days)));
        return day.plus(Duration.ofHours(8)).plusMillis((long) (random.nextDouble() * Duration.ofHours(10).toMillis()));
    }

    private static void protect(Map<String, String> tags, Random random) {
        double draw = random.nextDouble();
        if (draw < RETAINED) {
            tags.put(TagScheme.RETAIN, "true");
        } else if (draw < RETAINED + RETAIN_FALSE) {
            tags.put(TagScheme.RETAIN, "false");
        }
    }

    private static void requireUnique(List<ListedSnapshot> snapshots) {
        Set<String> seen = new HashSet<>();
        for (ListedSnapshot snapshot : snapshots) {
            if (!seen.add(snapshot.identifier())) {
                throw new IllegalStateException("generated snapshot identifier " + snapshot.identifier()
                        + " twice; the generator must give unique identifiers");
            }
        }
    }
}
