package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Decides which listed cluster snapshots to keep and which to delete. Pure: the same listing,
 * policy, {@code now} and budget always give the same plan, whatever the listing's order.
 *
 * <p>Steps:
 * <ol>
 *   <li>Candidates are snapshots that are managed ({@code aurora-guard:managed=true}), manual and
 *       {@code available}. Everything else is kept with its reason and takes no part in the rules.
 *   <li>Candidates are grouped by cluster and kind; each group's kind rules are applied exactly as
 *       restic's {@code forget} applies a policy to one snapshot group (see {@link #applyRules}).
 *       A candidate without a kind tag, or of a kind without rules, is kept.
 *   <li>Safety rules then protect, whatever the rules said: retained snapshots, snapshots created
 *       after {@code now}, and each cluster's newest candidate. If the listing was incomplete,
 *       nothing is deleted.
 *   <li>Of the remaining deletions, the oldest {@code budget} are deleted; the rest are kept for a
 *       later run.
 * </ol>
 *
 * <p>A run may plan a whole account (the retention benchmark in the benchmarks module plans 100,000
 * snapshots of 100 clusters), so the work is linear in the listing apart from sorting each cluster's
 * snapshots: snapshots are known by their position in plan order rather than hashed (a record's hash walks
 * all its tags), the deletions the budget grants are selected without sorting every deletion, and a
 * calendar bucket's label is only formatted when its key differs from the bucket a rule last kept.
 */
public final class RetentionPlanner {

    /** Newest first; equal creation times in identifier order, so the input order never matters. */
    static final Comparator<ListedSnapshot> NEWEST_FIRST = (a, b) -> {
        int byTime = b.createdAt().compareTo(a.createdAt());
        return byTime != 0 ? byTime : a.identifier().compareTo(b.identifier());
    };

    /** The order deletions are granted in: oldest first, then by cluster and identifier. */
    private static final Comparator<ListedSnapshot> OLDEST_FIRST = (a, b) -> {
        int byTime = a.createdAt().compareTo(b.createdAt());
        if (byTime != 0) {
            return byTime;
        }
        int byCluster = a.cluster().compareTo(b.cluster());
        return byCluster != 0 ? byCluster : a.identifier().compareTo(b.identifier());
    };

    private static final BucketRule[] BUCKET_RULES = BucketRule.values();

    private final RetentionPolicy policy;

    public RetentionPlanner(RetentionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /**
     * Plans one cleanup run.
     *
     * @param listing the snapshots of one or many clusters, and whether every listing page was read
     * @param now the run's time: snapshots created after it are never deleted and do not move the
     *     {@code keepWithin} window (restic ignores future snapshots the same way)
     * @param budget the most snapshots this run may delete
     * @throws IllegalArgumentException if two listed snapshots share an identifier (an inconsistent
     *     listing must not be acted on)
     */
    public RetentionPlan plan(SnapshotListing listing, Instant now, DeletionBudget budget) {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(budget, "budget");
        // One pass over the listing: refuse a repeated identifier, group by cluster, read creation times.
        Identifiers identifiers = new Identifiers(listing.snapshots().size());
        Map<String, List<SortKey>> byCluster = new HashMap<>();
        for (ListedSnapshot snapshot : listing.snapshots()) {
            if (!identifiers.add(snapshot.identifier())) {
                throw new IllegalArgumentException("the listing holds snapshot " + firstRepeated(listing.snapshots())
                        + " twice; refusing to plan on an inconsistent listing");
            }
            byCluster.computeIfAbsent(snapshot.cluster(), c -> new ArrayList<>()).add(new SortKey(snapshot));
        }
        List<String> clusters = new ArrayList<>(byCluster.keySet());
        clusters.sort(Comparator.naturalOrder());

        // Plan order: by cluster, then newest first; one small sort per cluster rather than one large one.
        // Every snapshot is known by its position in this order from here on.
        ListedSnapshot[] snapshots = new ListedSnapshot[listing.snapshots().size()];
        long[] seconds = new long[snapshots.length];
        int[] nanos = new int[snapshots.length];
        List<List<Reason>> reasons = new ArrayList<>(snapshots.length);
        Indices toDelete = new Indices();
        Reasons shared = new Reasons(now, budget);
        int start = 0;
        for (String cluster : clusters) {
            SortKey[] newestFirst = byCluster.get(cluster).toArray(new SortKey[0]);
            Arrays.sort(newestFirst);
            for (int k = 0; k < newestFirst.length; k++) {
                snapshots[start + k] = newestFirst[k].snapshot();
                seconds[start + k] = newestFirst[k].seconds();
                nanos[start + k] = newestFirst[k].nanos();
            }
            planCluster(snapshots, start, start + newestFirst.length, now, shared, reasons, toDelete);
            start += newestFirst.length;
        }

        // OLDEST_FIRST on positions, reading the creation times from the arrays rather than each snapshot.
        Comparator<Integer> oldestFirst = (a, b) -> {
            int byTime = seconds[a] != seconds[b]
                    ? Long.compare(seconds[a], seconds[b])
                    : Integer.compare(nanos[a], nanos[b]);
            return byTime != 0 ? byTime : OLDEST_FIRST.compare(snapshots[a], snapshots[b]);
        };
        boolean[] deleted = grantDeletions(snapshots.length, toDelete, oldestFirst, listing.complete(), budget);
        int deletions = 0;
        for (int k = 0; k < toDelete.size(); k++) {
            int i = toDelete.get(k);
            if (!listing.complete()) {
                reasons.get(i).add(shared.listingIncomplete);
            } else if (deleted[i]) {
                deletions++;
                reasons.get(i).add(shared.outsideAllRules);
            } else {
                reasons.get(i).add(shared.budgetExhausted);
            }
        }

        List<SnapshotDecision> keep = new ArrayList<>(snapshots.length - deletions);
        List<SnapshotDecision> delete = new ArrayList<>(deletions);
        for (int i = 0; i < snapshots.length; i++) {
            SnapshotDecision decision = new SnapshotDecision(snapshots[i],
                    deleted[i] ? SnapshotDecision.Verdict.DELETE : SnapshotDecision.Verdict.KEEP, reasons.get(i));
            (deleted[i] ? delete : keep).add(decision);
        }
        return new RetentionPlan(now, policy.zone(), listing.complete(), budget, keep, delete);
    }

    /**
     * Decides one cluster, {@code snapshots[from..to)} newest first: adds every snapshot's reasons to
     * {@code reasons} (at its position) and the positions of those that no rule keeps and no safety
     * rule protects, newest first, to {@code toDelete}.
     */
    private void planCluster(ListedSnapshot[] snapshots, int from, int to, Instant now, Reasons shared,
                             List<List<Reason>> reasons, Indices toDelete) {
        Map<String, Group> groups = new LinkedHashMap<>();
        int newestCandidate = -1;
        for (int i = from; i < to; i++) {
            ListedSnapshot snapshot = snapshots[i];
            List<Reason> own = new ArrayList<>(3);
            reasons.add(own);
            if (!snapshot.managed()) {
                own.add(shared.unmanaged);
            }
            if (!snapshot.manual()) {
                own.add(Reason.notManual(snapshot.type()));
            }
            if (!snapshot.available()) {
                own.add(Reason.notAvailable(snapshot.status()));
            }
            if (!own.isEmpty()) {
                continue;
            }
            if (newestCandidate < 0) {
                newestCandidate = i;
            }
            Optional<String> kind = snapshot.kind();
            if (kind.isEmpty()) {
                own.add(shared.noKind);
            } else if (policy.rulesFor(kind.get()).isEmpty()) {
                own.add(Reason.noRules(kind.get()));
            } else {
                groups.computeIfAbsent(kind.get(), k -> new Group()).add(snapshot, i);
            }
        }

        // Group members have no reason yet: an empty list after the rules means no rule keeps them.
        boolean[] outsideRules = new boolean[to - from];
        groups.forEach((kind, group) -> {
            List<List<Reason>> keptBy = new ArrayList<>(group.size());
            for (int g = 0; g < group.size(); g++) {
                keptBy.add(reasons.get(group.index(g)));
            }
            applyRules(policy.rulesFor(kind), group.snapshots, policy.zone(), now, keptBy);
            for (int g = 0; g < group.size(); g++) {
                outsideRules[group.index(g) - from] = keptBy.get(g).isEmpty();
            }
        });

        for (int i = from; i < to; i++) {
            ListedSnapshot snapshot = snapshots[i];
            List<Reason> own = reasons.get(i);
            if (snapshot.retained()) {
                own.add(Reason.retained(snapshot.tags().get(TagScheme.RETAIN)));
            }
            if (snapshot.createdAt().isAfter(now)) {
                own.add(shared.createdAfterNow);
            }
            if (i == newestCandidate) {
                own.add(Reason.newestOfCluster(snapshot.cluster()));
            }
            if (outsideRules[i - from] && own.isEmpty()) {
                toDelete.add(i);
            }
        }
    }

    /**
     * Which planned deletions the run makes: none if the listing is incomplete, else the oldest
     * {@code budget} ({@link #OLDEST_FIRST}). Only which ones matter, not their order, so the oldest are
     * selected with a heap of {@code budget} entries rather than by sorting every deletion.
     *
     * @param oldestFirst {@link #OLDEST_FIRST} on positions
     * @return by position: true for the deletions made
     */
    private static boolean[] grantDeletions(int count, Indices toDelete, Comparator<Integer> oldestFirst,
                                            boolean complete, DeletionBudget budget) {
        boolean[] deleted = new boolean[count];
        if (!complete || budget.maxDeletions() == 0) {
            return deleted;
        }
        if (toDelete.size() <= budget.maxDeletions()) {
            for (int k = 0; k < toDelete.size(); k++) {
                deleted[toDelete.get(k)] = true;
            }
            return deleted;
        }
        // The newest of the oldest found so far on top, so that an older one can replace it. Walked
        // backwards (each cluster oldest first), few of the later ones are older than the top.
        PriorityQueue<Integer> oldest = new PriorityQueue<>(budget.maxDeletions() + 1, oldestFirst.reversed());
        for (int k = toDelete.size() - 1; k >= 0; k--) {
            int i = toDelete.get(k);
            if (oldest.size() < budget.maxDeletions()) {
                oldest.add(i);
            } else if (oldestFirst.compare(i, oldest.peek()) < 0) {
                oldest.poll();
                oldest.add(i);
            }
        }
        oldest.forEach(i -> deleted[i] = true);
        return deleted;
    }

    /**
     * Applies one kind's rules to one group, following restic's {@code ApplyPolicy}
     * (internal/data/snapshot_policy.go): walk the group newest first; {@code keepWithin} keeps a
     * snapshot created strictly after {@code newest - period}, where {@code newest} is the group's
     * newest snapshot created before {@code now} (none: the window keeps everything); each counted
     * rule with count left keeps a snapshot whose bucket differs from the bucket of the last
     * snapshot it kept, and spends one count; the group's oldest snapshot is also kept by a rule
     * that still has count left even when its bucket was already kept ("oldest"), so a short
     * history is not cut shorter than asked.
     *
     * @param group the group's snapshots, newest first
     * @param keptBy one list per snapshot of the group, in the same order: the reasons rules keep it are
     *     added to it (none added: no rule keeps it)
     */
    static void applyRules(KeepRules rules, List<ListedSnapshot> group, ZoneId zone, Instant now,
                           List<List<Reason>> keptBy) {
        Instant reference = null;
        for (ListedSnapshot snapshot : group) {
            if (snapshot.createdAt().isBefore(now)) {
                reference = snapshot.createdAt();
                break;
            }
        }
        Reason within = null;
        Instant cutoff = null;
        if (rules.within().isPresent()) {
            KeepWithin period = rules.within().get();
            if (reference == null) {
                within = Reason.withinWithoutReference(period);
            } else {
                within = Reason.within(period, reference);
                cutoff = period.cutoff(reference, zone);
            }
        }

        ZoneRules zoneRules = zone.getRules();
        int[] left = new int[BUCKET_RULES.length];
        int rulesWithCountLeft = 0;
        for (BucketRule rule : BUCKET_RULES) {
            left[rule.ordinal()] = rules.count(rule);
            rulesWithCountLeft += left[rule.ordinal()] > 0 ? 1 : 0;
        }
        // The last kept bucket per rule, as its label and as the key that identifies it cheaply.
        String[] lastKeptBucket = new String[BUCKET_RULES.length];
        long[] lastKeptKey = new long[BUCKET_RULES.length];

        for (int index = 0; index < group.size(); index++) {
            ListedSnapshot snapshot = group.get(index);
            List<Reason> reasons = keptBy.get(index);
            if (within != null && (cutoff == null || snapshot.createdAt().isAfter(cutoff))) {
                reasons.add(within);
            }
            if (rulesWithCountLeft == 0) {
                continue;
            }
            boolean oldest = index == group.size() - 1;
            Instant createdAt = snapshot.createdAt();
            int offset = 0;
            long localSecond = 0;
            boolean localKnown = false;
            for (BucketRule rule : BUCKET_RULES) {
                int r = rule.ordinal();
                int count = rules.count(rule);
                int remaining = left[r];
                if (remaining == 0) {
                    continue;
                }
                if (rule == BucketRule.LAST) {
                    reasons.add(Reason.last(count - remaining + 1, count));
                } else {
                    if (!localKnown) {
                        // The offset atZone would use; the zoned time itself is only built for a label.
                        offset = zoneRules.getOffset(createdAt).getTotalSeconds();
                        localSecond = createdAt.getEpochSecond() + offset;
                        localKnown = true;
                    }
                    long key = rule.bucketKey(localSecond, offset);
                    // Equal keys are equal buckets; only a different key needs the label to decide.
                    String bucket = lastKeptBucket[r] != null && key == lastKeptKey[r]
                            ? lastKeptBucket[r]
                            : rule.bucketOf(createdAt.atZone(zone));
                    boolean sameBucket = bucket.equals(lastKeptBucket[r]);
                    if (sameBucket && !oldest) {
                        continue;
                    }
                    reasons.add(sameBucket ? Reason.oldest(rule, bucket, count) : Reason.bucket(rule, bucket));
                    lastKeptBucket[r] = bucket;
                    lastKeptKey[r] = key;
                }
                left[r] = remaining - 1;
                if (left[r] == 0) {
                    rulesWithCountLeft--;
                }
            }
        }
    }

    /**
     * A snapshot with its creation time inline, ordered as {@link #NEWEST_FIRST}: comparing keys does not
     * chase a pointer to each snapshot's {@link Instant}, which is what sorting many snapshots spends its
     * time on.
     */
    private record SortKey(long seconds, int nanos, ListedSnapshot snapshot) implements Comparable<SortKey> {

        SortKey(ListedSnapshot snapshot) {
            this(snapshot.createdAt().getEpochSecond(), snapshot.createdAt().getNano(), snapshot);
        }

        @Override
        public int compareTo(SortKey other) {
            if (seconds != other.seconds) {
                return seconds > other.seconds ? -1 : 1;
            }
            if (nanos != other.nanos) {
                return nanos > other.nanos ? -1 : 1;
            }
            return snapshot.identifier().compareTo(other.snapshot.identifier());
        }
    }

    /** A set of identifiers: open addressing over a table at most half full, no entry objects. */
    private static final class Identifiers {
        private final String[] table;
        private final int shift;

        Identifiers(int expected) {
            table = new String[Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1];
            shift = Integer.numberOfLeadingZeros(table.length - 1);
        }

        /** False if the identifier was added before. */
        boolean add(String identifier) {
            int mask = table.length - 1;
            // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
            int slot = (identifier.hashCode() * 0x9E3779B9) >>> shift;
            while (table[slot] != null) {
                if (table[slot].equals(identifier)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = identifier;
            return true;
        }
    }

    /** The repeated identifier met first when walking the listing newest first: the one the error names. */
    private static String firstRepeated(List<ListedSnapshot> snapshots) {
        List<ListedSnapshot> newestFirst = new ArrayList<>(snapshots);
        newestFirst.sort(NEWEST_FIRST);
        Set<String> seen = new HashSet<>();
        for (ListedSnapshot snapshot : newestFirst) {
            if (!seen.add(snapshot.identifier())) {
                return snapshot.identifier();
            }
        }
        throw new IllegalStateException("no identifier is repeated");
    }

    /** The reasons every snapshot of a plan shares: built once per plan rather than once per snapshot. */
    private static final class Reasons {
        private final Reason unmanaged = Reason.unmanaged();
        private final Reason noKind = Reason.noKind();
        private final Reason createdAfterNow;
        private final Reason listingIncomplete = Reason.listingIncomplete();
        private final Reason outsideAllRules = Reason.outsideAllRules();
        private final Reason budgetExhausted;

        Reasons(Instant now, DeletionBudget budget) {
            createdAfterNow = Reason.createdAfterNow(now);
            budgetExhausted = Reason.budgetExhausted(budget);
        }
    }

    /** One cluster's candidates of one kind, newest first, with their positions in the plan's order. */
    private static final class Group {
        private final List<ListedSnapshot> snapshots = new ArrayList<>();
        private final Indices indices = new Indices();

        void add(ListedSnapshot snapshot, int index) {
            snapshots.add(snapshot);
            indices.add(index);
        }

        int size() {
            return snapshots.size();
        }

        int index(int member) {
            return indices.get(member);
        }
    }

    /** A growable list of positions, without boxing. */
    private static final class Indices {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int position) {
            return values[position];
        }

        int size() {
            return size;
        }
    }
}
