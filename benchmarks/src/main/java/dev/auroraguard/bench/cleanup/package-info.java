/**
 * Cleanup at scale (issue #8, benchmark 4): {@link dev.auroraguard.bench.cleanup.CleanupAtScaleBench}.
 *
 * <p>Method: the embedded simulator enforces RDS's documented request rate limit (one token bucket for every
 * RDS call: 300 at once, 12 per second, per account and Region). It is seeded with N clusters tagged
 * {@code aurora-guard:backup=true}, each with M available manual snapshots named and tagged exactly as
 * {@code scheduled-snapshot} takes them, one a day. The real {@code snapshot-cleanup} handler runs in-process
 * with the SDK clients {@code AwsClients} builds (standard retries, 5 attempts), {@code CLEANUP_DRY_RUN=false},
 * budget 1000 (the largest allowed), its own pacing, and a 15-minute Lambda deadline, once per daily firing
 * of its schedule until a run finds nothing to delete. The simulator counts every request that reaches it
 * (SDK retries included); the pacer's pauses move the simulated clock instead of sleeping. The report checks
 * the goals: zero throttled calls, list calls = ceil(snapshots / 100), one delete per deleted
 * snapshot, nothing else per snapshot, and exactly the planner's survivors at the end.
 */
package dev.auroraguard.bench.cleanup;
