package dev.auroraguard.bench.retention;

import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.SnapshotListing;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH benchmark: one {@code snapshot-cleanup} plan, {@link RetentionPlanner#plan} over every listed
 * snapshot of {@value RetentionWorkload#CLUSTERS} clusters, exactly the call the function and
 * {@code ./aurora-guard plan-retention} make. Run it with {@link RetentionPlanningBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RetentionPlanningBenchmark {

    /** Snapshots in the account, spread evenly over the clusters. */
    @Param({"1000", "10000", "100000"})
    public int snapshots;

    private RetentionWorkload workload;
    private SnapshotListing listing;
    private RetentionPlanner planner;

    /** Builds the account and the planner (the function builds its planner once per container). */
    @Setup(Level.Trial)
    public void generate() {
        workload = RetentionWorkload.generate(snapshots, RetentionWorkload.SEED);
        listing = workload.listing();
        planner = new RetentionPlanner(workload.policy());
    }

    @Benchmark
    public void plan(Blackhole blackhole) {
        blackhole.consume(planner.plan(listing, workload.now(), workload.budget()));
    }
}
