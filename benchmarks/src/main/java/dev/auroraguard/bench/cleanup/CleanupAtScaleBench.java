package dev.auroraguard.bench.cleanup;

import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsSnapshotDeleter;
import dev.auroraguard.aws.RdsSnapshotInventory;
import dev.auroraguard.bench.SimulatedLambdaContext;
import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.SnapshotDecision;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.ScheduledSnapshotInput;
import dev.auroraguard.handler.SnapshotCleanupHandler;
import dev.auroraguard.handler.StructuredLog;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.Faults;
import dev.auroraguard.simulator.RequestRateLimit;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cleanup at scale (issue #8, benchmark 4): the real {@code snapshot-cleanup} handler, in-process, with the
 * real SDK clients {@link AwsClients} builds, against the embedded simulator enforcing RDS's documented
 * request rate limit; one invocation per scheduled run until a run finds nothing left to delete.
 *
 * <p>Time: every pause the function's pacer asks for moves the simulated clock forward instead of sleeping,
 * and the Lambda deadline and RDS's token bucket both run on that clock, so a catch-up that takes hours
 * of Lambda time takes minutes of real time. With {@link CleanupBenchSettings.TimeModel#PACED} (the default)
 * nothing else moves it: RDS answers take no simulated time, the strictest test of the pacing, and the
 * numbers are the same on every machine. With {@link CleanupBenchSettings.TimeModel#WALL} the clock also
 * follows wall time, so answers take as long as the simulator takes here (less than RDS). Between runs the
 * clock jumps to the next firing of the daily schedule ({@code cron(0 4 * * ? *)}). No new snapshots are
 * taken meanwhile, so what is deleted is exactly the seeded backlog.
 */
public final class CleanupAtScaleBench {

    static final String BUS = "aurora-guard";
    /** The first firing of the cleanup schedule (04:00 UTC); the seeded history ends with the 03:00 scheduled snapshots. */
    static final Instant FIRST_RUN = Instant.parse("2026-11-25T04:00:00Z");
    static final Duration SCHEDULE_PERIOD = Duration.ofDays(1);
    static final String RATE_LIMIT_SOURCE = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-api-throttling.html";

    private static final Set<String> RDS_OPERATIONS = ServiceModel.load(ServiceModel.RDS).operations().stream()
            .map(ServiceModel.Operation::name).collect(Collectors.toUnmodifiableSet());

    private CleanupAtScaleBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the benchmark and prints its report.
     *
     * @return 0 when every goal is met, 1 when one is not, 2 for bad arguments
     */
    public static int run(String[] args, PrintStream out) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(CleanupBenchSettings.USAGE);
            return 0;
        }
        CleanupBenchSettings settings;
        try {
            settings = CleanupBenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("cleanup bench: " + e.getMessage());
            out.print(CleanupBenchSettings.USAGE);
            return 2;
        }
        CleanupBenchResult result;
        try {
            result = measure(settings, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulator could not start", e);
        }
        out.print(CleanupBenchReport.render(result));
        if (settings.jsonFile().isPresent()) {
            try {
                Files.writeString(settings.jsonFile().get(), Json.write(result.toMap()) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + settings.jsonFile().get(), e);
            }
            out.println("JSON report: " + settings.jsonFile().get());
        }
        out.flush();
        return result.goalsMet() ? 0 : 1;
    }

    /** Seeds, runs the function until done (or {@code maxRuns}), and returns what was measured; one progress line per run. */
    public static CleanupBenchResult measure(CleanupBenchSettings settings, PrintStream progress) throws IOException {
        long started = System.nanoTime();
        Instant newestSlot = FIRST_RUN.minus(Duration.ofHours(1));
        Instant historyStart = newestSlot.minus(settings.snapshotEvery().multipliedBy(settings.snapshotsPerCluster() - 1L));
        Instant clockStart = historyStart.minus(Duration.ofDays(1));
        SimClock clock = settings.clock() == CleanupBenchSettings.TimeModel.PACED ? SimClock.manual(clockStart)
                : SimClock.systemFrom(clockStart);
        SimulatorOptions.Builder options = SimulatorOptions.builder().clock(clock).timings(Timings.realistic()).eventBus(BUS)
                .manualClusterSnapshotQuota(settings.clusters() * settings.snapshotsPerCluster() + 100)
                // An account with hundreds of clusters and tens of thousands of manual snapshots has had both quotas raised.
                .clusterQuota(Math.max(40, settings.clusters()));
        if (settings.rdsRateLimits()) {
            options.rdsRateLimits();
        }
        try (Simulator simulator = Simulator.start(options.build())) {
            // AwsClients reads credentials from the environment, then these standard system properties (as ./aurora-guard invoke does).
            System.setProperty("aws.accessKeyId", "AKIDBENCHCLEANUP");
            System.setProperty("aws.secretAccessKey", "bench-not-a-secret");
            Map<String, String> env = new LinkedHashMap<>(settings.functionVariables());
            env.put(AwsSettings.REGION, simulator.region());
            env.put(AwsSettings.ENDPOINT_URL, simulator.endpoint().toString());
            AwsSettings aws = AwsSettings.fromEnvironment(Environment.of(env));
            AwsClients clients = AwsClients.shared(aws);

            // ---- seed
            List<String> clusters = CleanupScaleSeed.clusterIds(settings.clusters());
            CleanupScaleSeed.createClusters(simulator, clients.rds(), clusters);
            progress.printf("created %d clusters (%.1f s real time)%n", clusters.size(), (System.nanoTime() - started) / 1e9);
            clock.setInstant(newestSlot.plus(Duration.ofMinutes(30)));
            progress.printf("simulated clock moved on to %s (%.1f s real time)%n", clock.instant(), (System.nanoTime() - started) / 1e9);
            List<ListedSnapshot> seeded = CleanupScaleSeed.seedHistory(simulator, clusters, settings.snapshotsPerCluster(),
                    settings.snapshotEvery(), newestSlot);
            RetentionPlan plan = new RetentionPlanner(RetentionPolicyJson.parse(settings.policyJson()))
                    .plan(SnapshotListing.complete(seeded), FIRST_RUN, DeletionBudget.unlimited());
            Set<String> plannedSurvivors = plan.keep().stream().map(SnapshotDecision::identifier).collect(Collectors.toSet());
            Duration seeding = Duration.ofNanos(System.nanoTime() - started);
            progress.printf("seeded %d clusters x %d snapshots in %.1f s real time; the plan deletes %d and keeps %d%n",
                    settings.clusters(), settings.snapshotsPerCluster(), seeding.toMillis() / 1000.0, plan.delete().size(),
                    plannedSurvivors.size());

            // ---- the function, as Lambda would run it, but pausing on the simulated clock
            SnapshotCleanupSettings functionSettings = SnapshotCleanupSettings.fromEnvironment(Environment.of(env));
            PauseMeter pauses = new PauseMeter(clock);
            LogSink logSink = new LogSink();
            StructuredLog log = new StructuredLog(new PrintStream(logSink, true, StandardCharsets.UTF_8), clock,
                    StructuredLog.Level.INFO, SnapshotCleanupHandler.FUNCTION_NAME);
            SnapshotCleanupHandler handler = new SnapshotCleanupHandler(new RdsClusterDirectory(clients.rds()),
                    new RdsSnapshotInventory(clients.rds()), new RdsSnapshotDeleter(clients.rds()),
                    new EventBridgeOutcomeEvents(clients.eventBridge(), BUS), clock, pauses::sleep, functionSettings, log);

            // ---- scheduled runs until one finds nothing to delete
            List<RunMeasurement> runs = new ArrayList<>();
            Map<String, Integer> otherCalls = new TreeMap<>();
            for (int n = 1; n <= settings.maxRuns(); n++) {
                Instant firing = FIRST_RUN.plus(SCHEDULE_PERIOD.multipliedBy(n - 1L));
                if (clock.instant().isBefore(firing)) {
                    clock.setInstant(firing);
                }
                RunMeasurement run = invoke(n, simulator, handler, pauses, settings.lambdaTimeout(), otherCalls, logSink);
                runs.add(run);
                progress.printf("run %d: listed %s in %d list calls, deleted %d, deferred %d + %d by budget%s, %d throttled, "
                                + "%.0f s simulated, %.1f s real%s%n", n, run.listedSnapshots() < 0 ? "?" : run.listedSnapshots(),
                        run.calls(CleanupBenchResult.LIST_SNAPSHOTS),
                        run.deleted(), run.deferred(), run.deferredByBudget(), run.stoppedBy().map(s -> ", stopped by " + s).orElse(""),
                        run.rateLimited(), run.simulatedDuration().toMillis() / 1000.0, run.realDuration().toMillis() / 1000.0,
                        run.failure().map(f -> ", FAILED: " + f).orElse(""));
                progress.flush();
                if (run.foundNothingToDelete()) {
                    break;
                }
            }

            // ---- what is left, read through the simulator's own API: no request, nothing counted or rate-limited
            Set<String> left = simulator.rds().manualSnapshotIds();
            return new CleanupBenchResult(settings, Optional.ofNullable(simulator.options().rdsRateLimit()),
                    new CleanupBenchResult.FunctionPacing(functionSettings.deletesPerSecond(), SnapshotCleanupSettings.LIST_PAGES_PER_SECOND,
                            functionSettings.deadlineMargin(), aws.maxAttempts()),
                    seeded.size(), plan.delete().size(), runs, otherCalls, left.size(), left.equals(plannedSurvivors), seeding,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static RunMeasurement invoke(int number, Simulator simulator, SnapshotCleanupHandler handler, PauseMeter pauses,
                                         Duration timeout, Map<String, Integer> otherCalls, LogSink logSink) {
        Faults faults = simulator.faults();
        Map<String, Integer> callsBefore = faults.callsByOperation();
        int limitedBefore = faults.rateLimitedCount();
        int manualBefore = simulator.rds().manualSnapshotCount();
        pauses.reset();
        logSink.resetErrors();
        Instant start = simulator.clock().instant();
        long realStart = System.nanoTime();
        Map<String, Object> summary = null;
        Optional<String> failure = Optional.empty();
        try {
            summary = handler.handleRequest(scheduledEvent(number, start, simulator), new SimulatedLambdaContext(simulator.clock(),
                    timeout, "aurora-guard-" + SnapshotCleanupHandler.FUNCTION_NAME, "bench-run-" + number));
        } catch (RuntimeException e) {
            failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (logSink.errors().isEmpty() ? "" : " | first ERROR log line: " + logSink.errors().get(0)));
        }
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        Duration simulated = Duration.between(start, simulator.clock().instant());
        Map<String, Integer> rdsCalls = new TreeMap<>();
        faults.callsByOperation().forEach((operation, total) -> {
            int during = total - callsBefore.getOrDefault(operation, 0);
            if (during > 0) {
                (RDS_OPERATIONS.contains(operation) ? rdsCalls : otherCalls).merge(operation, during, Integer::sum);
            }
        });
        int manualAfter = simulator.rds().manualSnapshotCount();
        int listed = -1;
        int pages = -1;
        boolean complete = false;
        int perClusterPages = -1;
        int deleted = 0;
        int deferred = 0;
        int deferredByBudget = 0;
        Optional<String> stoppedBy = Optional.empty();
        if (summary != null) {
            Map<?, ?> listing = (Map<?, ?>) summary.get("listing");
            listed = ((Number) listing.get("snapshots")).intValue();
            pages = ((Number) listing.get("pages")).intValue();
            complete = Boolean.TRUE.equals(listing.get("complete"));
            perClusterPages = 0;
            for (Object c : (List<?>) summary.get("clusters")) {
                Map<?, ?> cluster = (Map<?, ?>) c;
                int clusterDeleted = number(cluster, "deleted");
                int clusterDeferred = number(cluster, "deferred");
                int clusterListed = number(cluster, "kept") + clusterDeleted + number(cluster, "skipped")
                        + number(cluster, "failed") + clusterDeferred;
                perClusterPages += CleanupBenchResult.pages(clusterListed);
                deleted += clusterDeleted;
                deferred += clusterDeferred;
                deferredByBudget += number(cluster, "deferredByBudget");
            }
            stoppedBy = Optional.ofNullable((String) summary.get("stoppedBy"));
        }
        return new RunMeasurement(number, start, simulated, pauses.total(), real, manualBefore, manualAfter, listed, pages,
                complete, perClusterPages, rdsCalls, faults.rateLimitedCount() - limitedBefore, deleted, deferred,
                deferredByBudget, stoppedBy, failure);
    }

    private static int number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    /** The Scheduled Event EventBridge delivers when the cleanup rule fires, in the shape of AWS's example. */
    private static Map<String, Object> scheduledEvent(int number, Instant time, Simulator simulator) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", String.format("00000000-0000-4000-8000-%012d", number));
        event.put("detail-type", ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE);
        event.put("source", ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE);
        event.put("account", simulator.accountId());
        event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", simulator.region());
        event.put("resources", List.of("arn:aws:events:" + simulator.region() + ":" + simulator.accountId() + ":rule/aurora-guard-"
                + EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE.ruleName()));
        event.put("detail", new HashMap<>());
        return event;
    }

    /** The function's pacer sleeps here: the simulated clock moves on by the pause, no real time passes. */
    private static final class PauseMeter {
        private final SimClock clock;
        private Duration total = Duration.ZERO;

        PauseMeter(SimClock clock) {
            this.clock = clock;
        }

        void sleep(Duration pause) {
            total = total.plus(pause);
            clock.advance(pause);
        }

        void reset() {
            total = Duration.ZERO;
        }

        Duration total() {
            return total;
        }
    }

    /** Where the function's log lines go: dropped, the first few ERROR lines of a run kept for the report. */
    private static final class LogSink extends OutputStream {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
        private final List<String> errors = new ArrayList<>();

        @Override
        public void write(int b) {
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, from, i - from);
                    endLine();
                    from = i + 1;
                }
            }
            line.write(b, from, off + len - from);
        }

        private void endLine() {
            if (errors.size() < 5) {
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.contains("\"level\":\"ERROR\"")) {
                    errors.add(text);
                }
            }
            line.reset();
        }

        void resetErrors() {
            errors.clear();
        }

        List<String> errors() {
            return errors;
        }
    }
}
