package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class RetentionPlanner {

    /** Newest first; equal creation times in identifier order, so the input order never matters. */
    static final Comparator<ListedSnapshot> NEWEST_FIRST = Comparator
            .comparing(ListedSnapshot::createdAt).reversed()
            .thenComparing(ListedSnapshot::identifier);

    private static final Comparator<ListedSnapshot> OLDEST_FIRST = Comparator
            .comparing(ListedSnapshot::createdAt)
            .thenComparing(ListedSnapshot::cluster)
            .thenComparing(ListedSnapshot::identifier);

    private static final Comparator<ListedSnapshot> PLAN_ORDER = Comparator
            .comparing(ListedSnapshot::cluster)
            .thenComparing(NEWEST_FIRST);

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
        List<ListedSnapshot> snapshots = new ArrayList<>(listing.snapshots());
        snapshots.sort(NEWEST_FIRST);
        requireUniqueIdentifiers(snapshots);

        Map<ListedSnapshot, List<Reason>> reasons = new HashMap<>();
        Set<ListedSnapshot> outsideRules = new HashSet<>();
        Map<GroupKey, List<ListedSnapshot>> groups = new LinkedHashMap<>();
        Map<String, ListedSnapshot> newestCandidateOfCluster = new HashMap<>();

        for (ListedSnapshot snapshot : snapshots) {
            List<Reason> own = new ArrayList<>();
            reasons.put(snapshot, own);
            if (!snapshot.managed()) {
                own.add(Reason.unmanaged());
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
            // Sorted newest first, so the first candidate seen per cluster is its newest.
            newestCandidateOfCluster.putIfAbsent(snapshot.cluster(), snapshot);
            Optional<String> kind = snapshot.kind();
            if (kind.isEmpty()) {
                own.add(Reason.noKind());
            } else if (policy.rulesFor(kind.get()).isEmpty()) {
                own.add(Reason.noRules(kind.get()));
            } else {
                groups.computeIfAbsent(new GroupKey(snapshot.cluster(), kind.get()), k -> new ArrayList<>())
                        .add(snapshot);
            }
        }

        groups.forEach((key, group) -> {
            Map<ListedSnapshot, List<Reason>> kept = applyRules(policy.rulesFor(key.kind()), group, policy.zone(), now);
            for (ListedSnapshot snapshot : group) {
                List<Reason> keptBy = kept.get(snapshot);
                if (keptBy.isEmpty()) {
                    outsideRules.add(snapshot);
                } else {
                    reasons.get(snapshot).addAll(keptBy);
                }
            }
        });

        List<ListedSnapshot> toDelete = new ArrayList<>();
        for (ListedSnapshot snapshot : snapshots) {
            List<Reason> own = reasons.get(snapshot);
            if (snapshot.retained()) {
                own.add(Reason.retained(snapshot.tags().get(TagScheme.RETAIN)));
            }
            if (snapshot.createdAt().isAfter(now)) {
                own.add(Reason.createdAfterNow(now));
            }
            if (newestCandidateOfCluster.get(snapshot.cluster()) == snapshot) {
                own.add(Reason.newestOfCluster(snapshot.cluster()));
            }
            if (outsideRules.contains(snapshot) && own.isEmpty()) {
                toDelete.add(snapshot);
            }
        }

        toDelete.sort(OLDEST_FIRST);
        Set<ListedSnapshot> deleted = new HashSet<>();
        for (ListedSnapshot snapshot : toDelete) {
            if (!listing.complete()) {
                reasons.get(snapshot).add(Reason.listingIncomplete());
            } else if (deleted.size() < budget.maxDeletions()) {
                deleted.add(snapshot);
                reasons.get(snapshot).add(Reason.outsideAllRules());
            } else {
                reasons.get(snapshot).add(Reason.budgetExhausted(budget));
            }
        }

        List<SnapshotDecision> keep = new ArrayList<>();
        List<SnapshotDecision> delete = new ArrayList<>();
        snapshots.sort(PLAN_ORDER);
        for (ListedSnapshot snapshot : snapshots) {
            boolean deletes = deleted.contains(snapshot);
            SnapshotDecision decision = new SnapshotDecision(snapshot,
                    deletes ? SnapshotDecision.Verdict.DELETE : SnapshotDecision.Verdict.KEEP, reasons.get(snapshot));
            (deletes ? delete : keep).add(decision);
        }
        return new RetentionPlan(now, policy.zone(), listing.complete(), budget, keep, delete);
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
     * @return every snapshot of the group mapped to the reasons rules keep it (empty: no rule keeps it)
     */
    static Map<ListedSnapshot, List<Reason>> applyRules(
            KeepRules rules, List<ListedSnapshot> group, ZoneId zone, Instant now) {
        Map<ListedSnapshot, List<Reason>> kept = new LinkedHashMap<>();
        Instant reference = group.stream()
                .map(ListedSnapshot::createdAt)
                .filter(createdAt -> createdAt.isBefore(now))
                .findFirst()
                .orElse(null);
        Optional<Instant> cutoff = reference == null
                ? Optional.empty()
                : rules.within().map(period -> period.cutoff(reference, zone));

        Map<BucketRule, Integer> left = new EnumMap<>(BucketRule.class);
        Map<BucketRule, String> lastKeptBucket = new EnumMap<>(BucketRule.class);
        for (BucketRule rule : BucketRule.values()) {
            left.put(rule, rules.count(rule));
        }

        for (int index = 0; index < group.size(); index++) {
            ListedSnapshot snapshot = group.get(index);
            boolean oldest = index == group.size() - 1;
            List<Reason> keptBy = new ArrayList<>();
            if (rules.within().isPresent()) {
                KeepWithin period = rules.within().get();
                if (reference == null) {
                    keptBy.add(Reason.withinWithoutReference(period));
                } else if (snapshot.createdAt().isAfter(cutoff.orElseThrow())) {
                    keptBy.add(Reason.within(period, reference));
                }
            }
            for (BucketRule rule : BucketRule.values()) {
                int count = rules.count(rule);
                int remaining = left.get(rule);
                if (remaining == 0) {
                    continue;
                }
                if (rule == BucketRule.LAST) {
                    keptBy.add(Reason.last(count - remaining + 1, count));
                    left.put(rule, remaining - 1);
                    continue;
                }
                String bucket = rule.bucketOf(snapshot.createdAt().atZone(zone));
                boolean sameBucket = bucket.equals(lastKeptBucket.get(rule));
                if (!sameBucket || oldest) {
                    keptBy.add(sameBucket ? Reason.oldest(rule, bucket, count) : Reason.bucket(rule, bucket));
                    lastKeptBucket.put(rule, bucket);
                    left.put(rule, remaining - 1);
                }
            }
            kept.put(snapshot, keptBy);
        }
        return kept;
    }

    private static void requireUniqueIdentifiers(List<ListedSnapshot> snapshots) {
        Set<String> seen = new HashSet<>();
        for (ListedSnapshot snapshot : snapshots) {
            if (!seen.add(snapshot.identifier())) {
                throw new IllegalArgumentException("the listing holds snapshot " + snapshot.identifier()
                        + " twice; refusing to plan on an inconsistent listing");
            }
        }
    }

    private record GroupKey(String cluster, String kind) {
    }
}
