package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.json.Json;
import dev.auroraguard.sandbox.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRetentionCommandTest {

    /** The worked example of RETENTION.md, run from the module directory as Maven does. */
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples", "retention");
    private static final String SNAPSHOTS = EXAMPLES.resolve("snapshots.json").toString();
    private static final String POLICY = EXAMPLES.resolve("policy.json").toString();
    private static final Instant CLOCK_NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PlanRetentionCommand command = new PlanRetentionCommand(Clock.fixed(CLOCK_NOW, ZoneOffset.UTC));
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> plan, String list) {
        return (List<Map<String, Object>>) plan.get(list);
    }

    private static List<Object> identifiers(Map<String, Object> plan, String list) {
        return entries(plan, list).stream().map(e -> e.get("snapshot")).toList();
    }

    private static Map<String, Object> entry(Map<String, Object> plan, String snapshot) {
        List<Map<String, Object>> all = new ArrayList<>(entries(plan, "keep"));
        all.addAll(entries(plan, "delete"));
        return all.stream().filter(e -> snapshot.equals(e.get("snapshot"))).findFirst().orElseThrow();
    }

    private String file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toString();
    }

    @Test
    void run_should_printTheJsonPlan_when_givenTheExampleExport() {
        // GIVEN the example export and policy, planned at the example's time
        // WHEN
        int exit = run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--now", "2026-11-24T12:00:00Z");

        // THEN the plan is JSON with keep and delete arrays
        assertThat(exit).isZero();
        assertThat(err()).isEmpty();
        Map<String, Object> plan = Json.parseObject(out());
        assertThat(plan).containsEntry("now", "2026-11-24T12:00:00Z").containsEntry("timezone", "UTC")
                .containsEntry("listingComplete", true).containsEntry("budget", 10L);
        assertThat(identifiers(plan, "delete")).containsExactly(
                "orders-db-scheduled-20261122-0300",
                "orders-db-scheduled-20261117-0300",
                "orders-db-scheduled-20261101-0300",
                "orders-db-pre-deploy-20261020-0800",
                "orders-db-scheduled-20261015-0300",
                "orders-db-pre-deploy-20261002-1300");
        assertThat(entries(plan, "keep")).hasSize(25);
        assertThat(entry(plan, "orders-db-scheduled-20261122-0300")).containsEntry("cluster", "orders-db")
                .containsEntry("kind", "scheduled").containsEntry("createdAt", "2026-11-22T03:00:12.345Z")
                .containsEntry("reasons", List.of("deleted: outside all rules"));
        assertThat(entry(plan, "orders-db-scheduled-20261122-1500"))
                .containsEntry("reasons", List.of("kept: daily 2026-11-22", "kept: weekly 2026-W47"));
        assertThat(entry(plan, "orders-db-before-pg16-upgrade")).containsEntry("kind", null)
                .containsEntry("reasons", List.of("kept: unmanaged (no aurora-guard:managed=true tag)"));
        assertThat(entry(plan, "orders-db-scheduled-20261010-0300"))
                .containsEntry("reasons", List.of("kept: retained (aurora-guard:retain=true)"));
        assertThat(entry(plan, "orders-db-scheduled-20251215-0300")).containsEntry("reasons",
                List.of("kept: oldest monthly 2025-12 (fewer than 12 monthly buckets)"));
    }

    @Test
    void run_should_printATableGroupedByCluster_when_formatIsTable() {
        int exit = run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--now", "2026-11-24T12:00:00Z",
                "--format", "table");

        assertThat(exit).isZero();
        assertThat(out()).startsWith("Retention plan at 2026-11-24T12:00:00Z (time zone UTC, deletion budget "
                        + "10 per run, listing complete)\n")
                .contains("\nCluster billing-db: keep 3, delete 0\n")
                .contains("\nCluster orders-db: keep 22, delete 6\n")
                .containsPattern("\n  delete +orders-db-scheduled-20261117-0300 +scheduled +2026-11-17T03:00:12.345Z "
                        + "+deleted: outside all rules\n")
                .containsPattern("\n  keep +orders-db-scheduled-20261124-0300 +scheduled +2026-11-24T03:00:12.345Z "
                        + "+kept: daily 2026-11-24; kept: weekly 2026-W48; kept: monthly 2026-11\n")
                .endsWith("\nTotal: keep 25, delete 6, deferred by the budget 0\n");
        assertThat(out().indexOf("Cluster billing-db")).isLessThan(out().indexOf("Cluster orders-db"));
    }

    @Test
    void run_should_deleteTheOldestFirstAndDeferTheRest_when_aBudgetIsGiven() {
        int exit = run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--now", "2026-11-24T12:00:00Z",
                "--budget", "2");

        assertThat(exit).isZero();
        Map<String, Object> plan = Json.parseObject(out());
        assertThat(identifiers(plan, "delete"))
                .containsExactly("orders-db-scheduled-20261015-0300", "orders-db-pre-deploy-20261002-1300");
        assertThat(plan.get("summary")).isEqualTo(Map.of("keep", 29L, "delete", 2L, "deferredByBudget", 4L));
        assertThat(entry(plan, "orders-db-scheduled-20261117-0300")).containsEntry("reasons",
                List.of("kept: deletion budget of 2 per run used up, deferred to a later run"));
    }

    @Test
    void run_should_planAtTheClocksTime_when_noNowIsGiven() {
        int exit = run("--snapshots", SNAPSHOTS, "--policy", POLICY);

        assertThat(exit).isZero();
        assertThat(Json.parseObject(out())).containsEntry("now", CLOCK_NOW.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void run_should_neverDeleteSnapshotsCreatedAfterNow_when_nowIsEarlierThanTheExport() {
        // GIVEN "now" a week before the export was taken
        int exit = run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--now", "2026-11-17T12:00:00+01:00");

        // THEN later snapshots are kept as "created after now", and keepWithin counts from the newest before now
        assertThat(exit).isZero();
        Map<String, Object> plan = Json.parseObject(out());
        assertThat(plan).containsEntry("now", "2026-11-17T11:00:00Z");
        assertThat((List<Object>) entry(plan, "orders-db-scheduled-20261122-0300").get("reasons"))
                .containsExactly("kept: created after now (2026-11-17T11:00:00Z)");
        assertThat((List<Object>) entry(plan, "orders-db-pre-deploy-20261112-0905").get("reasons"))
                .contains("kept: within P14D of newest 2026-11-12T09:05:27.550Z");
    }

    @Test
    void run_should_warnAndDeleteNothing_when_theExportIsOnePageOfALongerListing() throws IOException {
        String export = file("page.json", """
                {"DBClusterSnapshots":[
                  %s, %s],
                 "NextToken":"eyJNYXJrZXIiOiBudWxsfQ=="}""".formatted(
                snapshot("db-new", "2026-11-24T03:00:12.345000+00:00"),
                snapshot("db-old", "2026-11-01T03:00:12.345000+00:00")));
        String policy = file("policy.json", "{\"rules\":{\"scheduled\":{\"keepLast\":1}}}");

        int exit = run("--snapshots", export, "--policy", policy);

        assertThat(exit).isZero();
        assertThat(err()).contains("warning:").contains("one page of a longer listing");
        Map<String, Object> plan = Json.parseObject(out());
        assertThat(plan).containsEntry("listingComplete", false);
        assertThat(identifiers(plan, "delete")).isEmpty();
        assertThat(entry(plan, "db-old"))
                .containsEntry("reasons", List.of("kept: listing incomplete, nothing is deleted"));
    }

    @Test
    void run_should_acceptEveryTimestampFormTheCliPrints_when_readingTheExport() throws IOException {
        // GIVEN CLI v2 (iso8601, with and without fraction), CLI v1 / wire form, and epoch seconds
        String export = file("forms.json", "{\"DBClusterSnapshots\":[%s,%s,%s,%s]}".formatted(
                snapshot("v2", "2026-11-24T03:00:12.345000+00:00"),
                snapshot("v2-whole", "2026-11-23T03:00:12+00:00"),
                snapshot("wire", "2026-11-22T03:00:12.345Z"),
                snapshot("epoch", "1763780412.5").replace("\"1763780412.5\"", "1763780412.5")));
        String policy = file("policy.json", "{\"rules\":{}}");

        int exit = run("--snapshots", export, "--policy", policy);

        assertThat(exit).isZero();
        Map<String, Object> plan = Json.parseObject(out());
        assertThat(entry(plan, "v2")).containsEntry("createdAt", "2026-11-24T03:00:12.345Z");
        assertThat(entry(plan, "v2-whole")).containsEntry("createdAt", "2026-11-23T03:00:12Z");
        assertThat(entry(plan, "wire")).containsEntry("createdAt", "2026-11-22T03:00:12.345Z");
        assertThat(entry(plan, "epoch")).containsEntry("createdAt", "2025-11-22T03:00:12.500Z");
    }

    @Test
    void run_should_failWithThePolicyProblem_when_thePolicyIsInvalid() throws IOException {
        String policy = file("policy.json", "{\"rules\":{\"scheduled\":{\"keepDaily\":-1}}}");

        int exit = run("--snapshots", SNAPSHOTS, "--policy", policy);

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("plan-retention: " + policy
                + ": rules.scheduled.keepDaily: must be a whole number, zero or more; got -1\n");
    }

    @Test
    void run_should_failWithTheEntryAndField_when_theExportIsMalformed() throws IOException {
        String export = file("bad.json", "{\"DBClusterSnapshots\":[%s]}".formatted(
                snapshot("db-1", "24/11/2026 03:00")));
        String noList = file("empty.json", "{\"Snapshots\":[]}");

        assertThat(run("--snapshots", export, "--policy", POLICY)).isEqualTo(1);
        assertThat(err()).contains("DBClusterSnapshots[0] (db-1).SnapshotCreateTime: \"24/11/2026 03:00\" is not an "
                + "ISO-8601 date-time");
        assertThat(run("--snapshots", noList, "--policy", POLICY)).isEqualTo(1);
        assertThat(err()).contains("has no \"DBClusterSnapshots\" array");
    }

    @Test
    void run_should_throwAUsageError_when_theCommandLineIsWrong() {
        assertThatThrownBy(() -> run("--policy", POLICY)).isInstanceOf(UsageException.class)
                .hasMessage("missing --snapshots FILE");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS)).isInstanceOf(UsageException.class)
                .hasMessage("missing --policy FILE");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--dry-run", "x"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown option --dry-run");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--now", "yesterday"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--now must be an ISO-8601 date-time");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--format", "yaml"))
                .isInstanceOf(UsageException.class).hasMessage("--format must be json or table, not yaml");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--policy", POLICY, "--budget", "-3"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--budget must be a whole number");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--policy"))
                .isInstanceOf(UsageException.class).hasMessage("--policy needs a value");
        assertThatThrownBy(() -> run("--snapshots", SNAPSHOTS, "--snapshots=" + SNAPSHOTS, "--policy", POLICY))
                .isInstanceOf(UsageException.class).hasMessage("--snapshots is given twice");
        assertThatThrownBy(() -> run("--snapshots", dir.resolve("missing.json").toString(), "--policy", POLICY))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--snapshots: cannot read");
    }

    @Test
    void usage_should_showTheCommandLineAndAnExample() {
        PlanRetentionCommand command = new PlanRetentionCommand();

        assertThat(command.name()).isEqualTo("plan-retention");
        assertThat(command.usage()).startsWith("Usage: ./aurora-guard plan-retention --snapshots FILE --policy FILE")
                .contains("--budget N").contains("(default: 10, as the function)")
                .contains("aws rds describe-db-cluster-snapshots --output json > snapshots.json");
    }

    private static String snapshot(String identifier, String createdAt) {
        return """
                {"DBClusterSnapshotIdentifier":"%s","DBClusterIdentifier":"db","SnapshotCreateTime":"%s",
                 "Status":"available","SnapshotType":"manual",
                 "TagList":[{"Key":"aurora-guard:managed","Value":"true"},{"Key":"aurora-guard:kind","Value":"scheduled"}]}"""
                .formatted(identifier, createdAt);
    }
}
