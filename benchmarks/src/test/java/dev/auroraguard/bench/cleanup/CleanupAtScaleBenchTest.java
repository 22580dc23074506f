package dev.auroraguard.bench.cleanup;

import static dev.auroraguard.bench.cleanup.CleanupBenchResult.DELETE_SNAPSHOT;
import static dev.auroraguard.bench.cleanup.CleanupBenchResult.DESCRIBE_CLUSTERS;
import static dev.auroraguard.bench.cleanup.CleanupBenchResult.LIST_SNAPSHOTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.bench.cleanup.CleanupBenchResult.Check;
import dev.auroraguard.bench.cleanup.CleanupBenchResult.RdsTotals;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.simulator.RequestRateLimit;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleanup-at-scale benchmark run tiny (3 clusters x 150 snapshots, a budget that needs several runs),
 * with the issue's linearity rules asserted on the simulator's counters: they fail if the function ever
 * sends a request per snapshot besides its delete, deletes twice, lists in smaller pages, or is throttled.
 */
class CleanupAtScaleBenchTest {

    private static CleanupBenchResult result;

    @BeforeAll
    static void measure() throws Exception {
        // GIVEN 3 clusters x 150 daily snapshots, RDS's documented limits enforced, a budget of 150 deletions per run
        CleanupBenchSettings settings = CleanupBenchSettings.parse(new String[] {"--clusters", "3", "--snapshots", "150",
                "--budget", "150"});
        // WHEN the benchmark runs the real handler until a run finds nothing to delete
        result = CleanupAtScaleBench.measure(settings, new PrintStream(OutputStream.nullOutputStream()));
    }

    private static int pages(int snapshots) {
        return (snapshots + 99) / 100;
    }

    @Test
    void measure_should_neverBeThrottled_when_rdsLimitsAreEnforced() {
        assertThat(result.rateLimit()).contains(RequestRateLimit.RDS_DEFAULT);
        assertThat(result.totals().rateLimited()).isZero();
        assertThat(result.runs()).allSatisfy(r -> assertThat(r.failure()).isEmpty());
    }

    @Test
    void measure_should_listInPagesOf100AndDeleteOncePerSnapshot_when_theBacklogTakesSeveralRuns() {
        // THEN the plan's 405 deletions took three runs of 150, 150 and 105, and a fourth found nothing to delete
        assertThat(result.plannedDeletions()).isEqualTo(405);
        assertThat(result.runs()).extracting(RunMeasurement::snapshotsDeleted).containsExactly(150, 150, 105, 0);
        for (RunMeasurement run : result.runs()) {
            // every run listed the whole account (450, 300, 150, 45 manual snapshots) in ceil(n / 100) pages...
            assertThat(run.listedSnapshots()).isEqualTo(run.manualBefore());
            assertThat(run.calls(LIST_SNAPSHOTS)).as("list calls of run %d", run.number()).isEqualTo(pages(run.manualBefore()));
            // ... selected the clusters with one DescribeDBClusters, and sent one delete per deleted snapshot, nothing else
            assertThat(run.calls(DESCRIBE_CLUSTERS)).isEqualTo(1);
            assertThat(run.calls(DELETE_SNAPSHOT)).isEqualTo(run.snapshotsDeleted()).isEqualTo(run.deleted());
            assertThat(run.rdsCalls().keySet()).isSubsetOf(DESCRIBE_CLUSTERS, LIST_SNAPSHOTS, DELETE_SNAPSHOT);
            assertThat(run.totalRdsCalls()).isEqualTo(1 + pages(run.manualBefore()) + run.snapshotsDeleted());
        }
        assertThat(result.runs()).extracting(r -> r.calls(LIST_SNAPSHOTS)).containsExactly(5, 3, 2, 1);
        // AND the first run listed fewer pages than listing each cluster alone would: 5 <= 3 x ceil(150 / 100)
        assertThat(result.runs().get(0).perClusterPages()).isEqualTo(6);
        RdsTotals totals = result.totals();
        assertThat(totals.calls(DELETE_SNAPSHOT)).isEqualTo(405).isEqualTo(totals.snapshotsDeleted());
        assertThat(totals.all()).isEqualTo(4 + (5 + 3 + 2 + 1) + 405);
    }

    @Test
    void measure_should_finishWithExactlyThePlansSurvivors_when_done() {
        assertThat(result.finished()).isTrue();
        assertThat(result.survivors()).isEqualTo(45);
        assertThat(result.survivorsMatchPlan()).isTrue();
        assertThat(result.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.goal() + ": " + check.measured()).isTrue());
        assertThat(result.goalsMet()).isTrue();
    }

    @Test
    void measure_should_paceByTheFunctionsDerivedRates_when_running() {
        // THEN every run stayed inside its 15 minutes, its time mostly the pacer's pauses: 150 deletes at 1 per second
        assertThat(result.function().listPagesPerSecond()).isEqualTo(SnapshotCleanupSettings.LIST_PAGES_PER_SECOND);
        assertThat(result.function().deletesPerSecond()).isEqualTo(SnapshotCleanupSettings.DEFAULT_DELETES_PER_SECOND);
        RunMeasurement first = result.runs().get(0);
        // 4 pauses between 5 pages at 250 ms, then 149 between 150 deletes at 1 s
        assertThat(first.pacingPauses()).isEqualTo(Duration.ofMillis(4 * 250).plusSeconds(149));
        assertThat(first.simulatedDuration()).isGreaterThanOrEqualTo(first.pacingPauses()).isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void checks_should_fail_when_aRunSendsARequestPerSnapshotOrIsThrottled() {
        // GIVEN the measured runs, with a ListTagsForResource per listed snapshot and a throttled call added to the first
        RunMeasurement first = result.runs().get(0);
        Map<String, Integer> calls = new java.util.TreeMap<>(first.rdsCalls());
        calls.put("ListTagsForResource", first.listedSnapshots());
        RunMeasurement perSnapshot = new RunMeasurement(first.number(), first.start(), first.simulatedDuration(),
                first.pacingPauses(), first.realDuration(), first.manualBefore(), first.manualAfter(), first.listedSnapshots(),
                first.listingPages(), first.listingComplete(), first.perClusterPages(), calls, 1, first.deleted(),
                first.deferred(), first.deferredByBudget(), first.stoppedBy(), first.failure());
        List<RunMeasurement> runs = new java.util.ArrayList<>(result.runs());
        runs.set(0, perSnapshot);
        CleanupBenchResult broken = new CleanupBenchResult(result.settings(), result.rateLimit(), result.function(),
                result.seededSnapshots(), result.plannedDeletions(), runs, result.otherCalls(), result.survivors(),
                result.survivorsMatchPlan(), result.seedingTime(), result.totalTime());

        // THEN the goals say so
        assertThat(broken.goalsMet()).isFalse();
        assertThat(broken.checks()).filteredOn(c -> !c.passed()).extracting(Check::goal)
                .anyMatch(g -> g.startsWith("zero throttled")).anyMatch(g -> g.startsWith("nothing else per snapshot"));
    }

    @Test
    void run_should_printTheReportAndWriteJson_when_smallAndFinished(@TempDir Path dir) throws Exception {
        // GIVEN
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path json = dir.resolve("cleanup.json");

        // WHEN
        int exit = CleanupAtScaleBench.run(new String[] {"--clusters", "2", "--snapshots", "20", "--json", json.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // THEN
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("Cleanup at scale: 2 clusters x 20 manual snapshots = 40",
                "burst 300, 12 requests/s sustained", CleanupAtScaleBench.RATE_LIMIT_SOURCE, "DeleteDBClusterSnapshot",
                "[PASS] zero throttled RDS calls", "All goals met.");
        assertThat(Files.readString(json)).contains("\"goalsMet\":true", "\"throttledCalls\":0", "\"rdsCalls\":{");
    }

    @Test
    void run_should_explainAndExitTwo_when_anOptionIsWrong() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = CleanupAtScaleBench.run(new String[] {"--clusters", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--clusters must be 1 to 9999, not 0", "Usage:");

        bytes.reset();
        assertThat(CleanupAtScaleBench.run(new String[] {"--budget", "5000"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("CLEANUP_DELETION_BUDGET");
    }

    @Test
    void settings_should_defaultToTheIssuesScenario_when_noOptionIsGiven() {
        CleanupBenchSettings defaults = CleanupBenchSettings.defaults();
        assertThat(defaults.clusters()).isEqualTo(200);
        assertThat(defaults.snapshotsPerCluster()).isEqualTo(150);
        assertThat(defaults.deletionBudget()).isEqualTo(SnapshotCleanupSettings.MAX_DELETION_BUDGET);
        assertThat(defaults.deletesPerSecond()).isEqualTo(SnapshotCleanupSettings.DEFAULT_DELETES_PER_SECOND);
        assertThat(defaults.lambdaTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.rdsRateLimits()).isTrue();
        assertThat(defaults.jsonFile()).isEqualTo(Optional.empty());
        assertThat(Instant.parse("2026-11-25T04:00:00Z")).isEqualTo(CleanupAtScaleBench.FIRST_RUN);
    }
}
