package dev.auroraguard.config;

import dev.auroraguard.domain.ClusterSelection;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.RetentionPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@code snapshot-cleanup} function. Deleting is opt-in: without
 * {@value #DRY_RUN}{@code =false} the function plans, logs and publishes exactly as a real run would,
 * and deletes nothing.
 *
 * @param selection        which clusters' snapshots are cleaned: the same variables as scheduled snapshots
 * @param policy           the retention policy ({@value #RETENTION_POLICY})
 * @param dryRun           true: delete nothing ({@value #DRY_RUN}, default true)
 * @param budget           the most deletions per run ({@value #DELETION_BUDGET})
 * @param deletesPerSecond client-side pacing of DeleteDBClusterSnapshot requests ({@value #DELETES_PER_SECOND}); the
 *                         listing's pace is fixed ({@link #LIST_PAGES_PER_SECOND})
 * @param deadlineMargin   no delete starts when less than this remains before the Lambda deadline ({@value #DEADLINE_MARGIN})
 * @param eventBusName     the bus outcome events go to
 */
public record SnapshotCleanupSettings(ClusterSelection selection, RetentionPolicy policy, boolean dryRun,
                                      DeletionBudget budget, double deletesPerSecond, Duration deadlineMargin,
                                      String eventBusName) {

    public static final String RETENTION_POLICY = "RETENTION_POLICY";
    public static final String DRY_RUN = "CLEANUP_DRY_RUN";
    public static final String DELETION_BUDGET = "CLEANUP_DELETION_BUDGET";
    public static final String DELETES_PER_SECOND = "CLEANUP_DELETES_PER_SECOND";
    public static final String DEADLINE_MARGIN = "CLEANUP_DEADLINE_MARGIN";

    public static final boolean DEFAULT_DRY_RUN = true;
    public static final int MAX_DELETION_BUDGET = 1000;
    /**
     * RDS's documented default request rate for each account in each Region, shared by every caller (SDKs, CLI,
     * console, other tools) and every RDS action: "up to 300 requests in a burst and a sustained 12 requests per
     * second" (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-api-throttling.html).
     */
    public static final double RDS_SUSTAINED_REQUESTS_PER_SECOND = 12.0;
    /**
     * The listing's pace: a third of the account's sustained rate, so a long listing leaves two thirds to
     * everything else and never leans on the burst, however fast RDS answers.
     */
    public static final double LIST_PAGES_PER_SECOND = RDS_SUSTAINED_REQUESTS_PER_SECOND / 3;
    /** A twelfth of the account's sustained rate: deletes run for minutes, next to every other RDS caller. */
    public static final double DEFAULT_DELETES_PER_SECOND = 1.0;
    public static final double MAX_DELETES_PER_SECOND = 10.0;
    /** Covers one slow delete (the SDK retrying a throttled call) and publishing the events. */
    public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(30);
    /** Lambda's longest timeout: a margin this long would never let a delete start. */
    public static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    static final String POLICY_EXAMPLE = "{\"rules\":{\"scheduled\":{\"keepDaily\":7,\"keepWeekly\":4,\"keepMonthly\":12}}}";

    public SnapshotCleanupSettings {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(deadlineMargin, "deadlineMargin");
        Objects.requireNonNull(eventBusName, "eventBusName");
        if (!(deletesPerSecond > 0 && deletesPerSecond <= MAX_DELETES_PER_SECOND)) {
            throw new IllegalArgumentException("deletes per second must be in (0, " + MAX_DELETES_PER_SECOND + "]: " + deletesPerSecond);
        }
        if (deadlineMargin.isNegative()) {
            throw new IllegalArgumentException("the deadline margin cannot be negative: " + deadlineMargin);
        }
    }

    public static SnapshotCleanupSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        Optional<ClusterSelection> selection = ScheduledSnapshotSettings.readSelection(reader);
        RetentionPolicy policy = reader.parsed(RETENTION_POLICY, null, RetentionPolicyJson::parse,
                "a usable retention policy (see lambdas/RETENTION.md)");
        if (policy == null && reader.optional(RETENTION_POLICY).isEmpty()) {
            reader.required(RETENTION_POLICY, POLICY_EXAMPLE);
        }
        boolean dryRun = reader.bool(DRY_RUN, DEFAULT_DRY_RUN);
        int budget = reader.integer(DELETION_BUDGET, DeletionBudget.DEFAULT.maxDeletions(), 0, MAX_DELETION_BUDGET);
        double rate = reader.parsed(DELETES_PER_SECOND, DEFAULT_DELETES_PER_SECOND, SnapshotCleanupSettings::parseRate,
                "a number of delete requests per second greater than 0 and at most " + (int) MAX_DELETES_PER_SECOND
                        + ", e.g. 1 or 0.5");
        Duration margin = reader.duration(DEADLINE_MARGIN, DEFAULT_DEADLINE_MARGIN);
        if (margin.compareTo(LAMBDA_MAX_TIMEOUT) >= 0) {
            reader.problem(DEADLINE_MARGIN + "='" + reader.optional(DEADLINE_MARGIN).orElse("") + "' is not shorter than"
                    + " Lambda's longest timeout (15m), so no delete could ever start; e.g. 30s");
        }
        String bus = reader.string(ScheduledSnapshotSettings.EVENT_BUS_NAME, ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        reader.validate();
        return new SnapshotCleanupSettings(selection.orElseThrow(), policy, dryRun, DeletionBudget.of(budget), rate,
                margin, bus);
    }

    private static double parseRate(String text) {
        double rate = Double.parseDouble(text.trim().toLowerCase(Locale.ROOT));
        if (!(rate > 0 && rate <= MAX_DELETES_PER_SECOND)) {
            throw new IllegalArgumentException();
        }
        return rate;
    }

    /** The pause between the starts of two listing requests (DescribeDBClusterSnapshots pages): 250 ms. */
    public Duration listPageInterval() {
        return Duration.ofNanos(Math.round(1_000_000_000d / LIST_PAGES_PER_SECOND));
    }

    /** The pause between the starts of two delete requests. */
    public Duration deleteInterval() {
        return Duration.ofNanos(Math.round(1_000_000_000d / deletesPerSecond));
    }
}
