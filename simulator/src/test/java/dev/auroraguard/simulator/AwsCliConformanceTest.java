package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified AWS CLI (a separate process, botocore's own serializers and parsers) against the
 * simulator's one endpoint. Skipped where no {@code aws} command is installed.
 *
 * <p>{@code AWS_ENDPOINT_URL} carries the endpoint, except that AWS CLI v1 replaces it for {@code rds} in
 * us-east-1 with {@code https://rds.amazonaws.com} (its SSL common-name customization yields only to
 * {@code --endpoint-url}), so the rds commands pass {@code --endpoint-url} as well.
 */
class AwsCliConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Simulator simulator;

    @TempDir
    static Path home;

    record CliResult(int exitCode, String stdout, String stderr) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(stdout);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(awsCliPath() != null, "the AWS CLI (aws) is not on the PATH");
        simulator = Simulator.start(FakeRds.options().build());
        simulator.register(ServiceModel.RDS, FakeRds::new);
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static Path awsCliPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static CliResult aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("aws");
        if ("rds".equals(args[0])) {
            command.add("--endpoint-url=" + simulator.endpoint());
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ENDPOINT_URL", simulator.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void rdsCommands_should_roundTripThroughQueryProtocol_when_runByTheCli() throws Exception {
        // WHEN
        CliResult created = aws("rds", "create-db-cluster", "--db-cluster-identifier", "orders", "--engine", "aurora-postgresql",
                "--port", "5432", "--vpc-security-group-ids", "sg-1", "sg-2", "--tags", "Key=team,Value=a&b<c>");
        CliResult described = aws("rds", "describe-db-clusters", "--filters", "Name=engine,Values=aurora-postgresql");

        // THEN
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        JsonNode cluster = created.json().path("DBCluster");
        assertThat(cluster.path("Port").asInt()).isEqualTo(5432);
        assertThat(cluster.path("ClusterCreateTime").asText()).isEqualTo("2026-11-25T03:00:00.000Z");
        assertThat(cluster.path("TagList").get(0).path("Value").asText()).isEqualTo("a&b<c>");
        assertThat(cluster.path("VpcSecurityGroups")).hasSize(2);
        assertThat(described.exitCode()).as(described.stderr()).isZero();
        assertThat(described.json().path("DBClusters").get(0).path("DBClusterIdentifier").asText()).isEqualTo("orders");
    }

    @Test
    void rdsError_should_reachTheCliWithCodeAndMessage_when_serviceRaisesModelledFault() throws Exception {
        // WHEN
        CliResult result = aws("rds", "describe-db-clusters", "--db-cluster-identifier", "missing");

        // THEN
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (DBClusterNotFoundFault) when calling the DescribeDBClusters "
                + "operation: DBCluster missing not found.");
    }

    @Test
    void cliRetry_should_succeed_when_oneCallIsThrottled() throws Exception {
        // GIVEN
        simulator.faults().failNext("DescribeAccountAttributes", FaultKind.THROTTLING, 1);
        int before = simulator.faults().calls("DescribeAccountAttributes");

        // WHEN
        CliResult result = aws("rds", "describe-account-attributes");

        // THEN the CLI's own retry went through, and both attempts were counted
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.json().path("AccountQuotas").get(0).path("AccountQuotaName").asText()).isEqualTo("ManualClusterSnapshots");
        assertThat(simulator.faults().calls("DescribeAccountAttributes")).isEqualTo(before + 2);
    }

    @Test
    void putEvents_should_reportFailedEntries_when_runByTheCli() throws Exception {
        // WHEN
        CliResult result = aws("events", "put-events", "--entries", "[{\"Source\":\"aurora-guard.cli\",\"DetailType\":\"Test\","
                + "\"Detail\":\"{\\\"ok\\\":true}\",\"Time\":\"2026-11-25T02:59:00Z\"},"
                + "{\"Source\":\"aws.rds\",\"DetailType\":\"Test\",\"Detail\":\"{}\"}]");

        // THEN
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode response = result.json();
        assertThat(response.path("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(response.path("Entries").get(1).path("ErrorCode").asText()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(simulator.events().withDetailType("Test")).singleElement()
                .satisfies(event -> assertThat(event.time()).hasToString("2026-11-25T02:59:00Z"));
    }
}
