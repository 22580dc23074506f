package dev.auroraguard.sandbox;

import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.RetentionPolicy;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ./aurora-guard plan-retention}: previews a retention policy on an export of real
 * snapshots, with the same planner the {@code snapshot-cleanup} function runs. Deletes nothing.
 */
public final class PlanRetentionCommand implements Command {

    private static final List<String> OPTIONS = List.of("--snapshots", "--policy", "--now", "--format", "--budget");

    private final Clock clock;

    public PlanRetentionCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock supplies "now" when {@code --now} is not given */
    public PlanRetentionCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "plan-retention";
    }

    @Override
    public String summary() {
        return "Preview which snapshots a retention policy keeps and deletes (deletes nothing).";
    }

    @Override
    public String usage() {
        return """
                Usage: ./aurora-guard plan-retention --snapshots FILE --policy FILE [--now ISO-8601] \
                [--format json|table] [--budget N|unlimited]

                Plans a retention cleanup exactly as the snapshot-cleanup function would, and prints the plan.
                Nothing is deleted.

                  --snapshots FILE   what `aws rds describe-db-cluster-snapshots --output json` prints
                  --policy FILE      the retention policy JSON (see RETENTION.md)
                  --now ISO-8601     the run's time, e.g. 2026-11-24T12:00:00Z (default: the current time);
                                     snapshots created after it are never deleted and do not move
                                     the keepWithin window
                  --format FORMAT    json (default) or table
                  --budget N         most deletions per run, or `unlimited` (default: %d, as the function)

                Example:
                  aws rds describe-db-cluster-snapshots --output json > snapshots.json
                  ./aurora-guard plan-retention --snapshots snapshots.json --policy policy.json --format table
                """.formatted(DeletionBudget.DEFAULT.maxDeletions());
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = parse(args);
        Path snapshotsFile = Path.of(required(options, "--snapshots"));
        Path policyFile = Path.of(required(options, "--policy"));
        Instant now = options.containsKey("--now") ? instant(options.get("--now")) : clock.instant();
        String format = options.getOrDefault("--format", "json");
        if (!format.equals("json") && !format.equals("table")) {
            throw new UsageException("--format must be json or table, not " + format);
        }
        DeletionBudget budget = options.containsKey("--budget") ? budget(options.get("--budget")) : DeletionBudget.DEFAULT;

        String snapshotsText = read(snapshotsFile, "--snapshots");
        String policyText = read(policyFile, "--policy");
        RetentionPolicy policy;
        SnapshotListing listing;
        try {
            policy = RetentionPolicyJson.parse(policyText);
        } catch (IllegalArgumentException e) {
            err.println("plan-retention: " + policyFile + ": " + e.getMessage());
            return 1;
        }
        try {
            listing = SnapshotExportReader.read(snapshotsText);
        } catch (IllegalArgumentException e) {
            err.println("plan-retention: " + snapshotsFile + ": " + e.getMessage());
            return 1;
        }
        if (!listing.complete()) {
            err.println("plan-retention: warning: " + snapshotsFile + " is one page of a longer listing (it has a "
                    + "NextToken or Marker); as with a failed listing page, nothing would be deleted. Export without "
                    + "--max-items or --no-paginate to plan on every snapshot.");
        }

        RetentionPlan plan;
        try {
            plan = new RetentionPlanner(policy).plan(listing, now, budget);
        } catch (IllegalArgumentException e) {
            err.println("plan-retention: " + snapshotsFile + ": " + e.getMessage());
            return 1;
        }
        out.print(format.equals("json") ? RetentionPlanReport.json(plan) : RetentionPlanReport.table(plan));
        return 0;
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                value = null;
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option " + arg + "; options are " + String.join(", ", OPTIONS));
            }
            if (value == null || value.isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing " + name + " FILE");
        }
        return value;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--now must be an ISO-8601 date-time with an offset, e.g. 2026-11-24T12:00:00Z, "
                    + "not " + text);
        }
    }

    private static DeletionBudget budget(String text) {
        if (text.equals("unlimited")) {
            return DeletionBudget.unlimited();
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return DeletionBudget.of(n);
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error below
        }
        throw new UsageException("--budget must be a whole number, zero or more, or unlimited; not " + text);
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
