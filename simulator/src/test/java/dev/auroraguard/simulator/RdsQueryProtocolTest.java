package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.auroraguard.simulator.protocol.ServiceModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException;
import software.amazon.awssdk.services.rds.model.Tag;

/** The AWS Query protocol through the real SDK v2 RdsClient, against a small service under the RDS model. */
class RdsQueryProtocolTest {

    private Simulator simulator;
    private FakeRds rds;
    private RdsClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = Simulator.start(FakeRds.options().manualClusterSnapshotQuota(2).build());
        rds = simulator.register(ServiceModel.RDS, FakeRds::new);
        client = SdkClients.rds(simulator);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void describeAccountAttributes_should_returnQuotaList_when_calledWithoutParameters() {
        // WHEN
        var response = client.describeAccountAttributes(r -> { });

        // THEN list members and Long values came through the XML
        assertThat(response.accountQuotas()).singleElement().satisfies(quota -> {
            assertThat(quota.accountQuotaName()).isEqualTo("ManualClusterSnapshots");
            assertThat(quota.used()).isZero();
            assertThat(quota.max()).isEqualTo(2L);
        });
        assertThat(response.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void createDBCluster_should_parseTypedMembersAndLists_when_sdkSendsThem() {
        // WHEN
        DBCluster cluster = client.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql").port(5432)
                .storageEncrypted(true).vpcSecurityGroupIds("sg-1", "sg-2")
                .tags(Tag.builder().key("team").value("payments & <billing>").build(), Tag.builder().key("env").value("prod").build()))
                .dbCluster();

        // THEN the service received typed values and unwrapped lists
        assertThat(rds.lastInput).containsEntry("DBClusterIdentifier", "orders").containsEntry("Port", 5432)
                .containsEntry("StorageEncrypted", true).containsEntry("VpcSecurityGroupIds", List.of("sg-1", "sg-2"))
                .containsEntry("Tags", List.of(Map.of("Key", "team", "Value", "payments & <billing>"), Map.of("Key", "env", "Value", "prod")));
        // AND the SDK read everything back from the XML, escaping included
        assertThat(cluster.dbClusterIdentifier()).isEqualTo("orders");
        assertThat(cluster.port()).isEqualTo(5432);
        assertThat(cluster.storageEncrypted()).isTrue();
        assertThat(cluster.clusterCreateTime()).isEqualTo(SimulatorOptions.TEST_START);
        assertThat(cluster.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId()).containsExactly("sg-1", "sg-2");
        assertThat(cluster.tagList()).extracting(Tag::value).containsExactly("payments & <billing>", "prod");
    }

    @Test
    void restoreDBClusterToPointInTime_should_parseTimestampWithMillis_when_sdkSendsIt() {
        // GIVEN
        Instant restoreTo = Instant.parse("2026-11-25T02:41:07.123Z");

        // WHEN
        client.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier("orders-restored").sourceDBClusterIdentifier("orders")
                .restoreToTime(restoreTo).copyTagsToSnapshot(true));

        // THEN
        assertThat(rds.lastInput).containsEntry("RestoreToTime", restoreTo).containsEntry("CopyTagsToSnapshot", true);
    }

    @Test
    void describeDBClusters_should_parseNestedFilterLists_when_filtersAreGiven() {
        // WHEN
        client.describeDBClusters(r -> r.filters(Filter.builder().name("engine").values("aurora-mysql", "aurora-postgresql").build()));

        // THEN
        assertThat(rds.lastInput).containsEntry("Filters",
                List.of(Map.of("Name", "engine", "Values", List.of("aurora-mysql", "aurora-postgresql"))));
    }

    @Test
    void describeDBClusters_should_parseEmptyList_when_sdkSendsEmptyFilters() {
        // WHEN the SDK sends Filters= for an empty list
        client.describeDBClusters(r -> r.filters(List.of()));

        // THEN
        assertThat(rds.lastInput).containsEntry("Filters", List.of());
    }

    @Test
    void describeDBClusters_should_returnEmptyList_when_noClusterExists() {
        assertThat(client.describeDBClusters().dbClusters()).isEmpty();
    }

    @Test
    void describeDBClusters_should_throwModelledNotFound_when_clusterIsMissing() {
        // WHEN / THEN the SDK maps the error code to its modelled exception, with status and request id
        assertThatThrownBy(() -> client.describeDBClusters(r -> r.dbClusterIdentifier("missing")))
                .asInstanceOf(type(DbClusterNotFoundException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterNotFoundFault");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("DBCluster missing not found.");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void createDBClusterSnapshot_should_throwSnapshotQuotaExceeded_when_quotaIsUsedUp() {
        // GIVEN a quota of 2, used up
        client.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql"));
        client.createDBClusterSnapshot(r -> r.dbClusterIdentifier("orders").dbClusterSnapshotIdentifier("s1"));
        DBClusterSnapshot second = client.createDBClusterSnapshot(r -> r.dbClusterIdentifier("orders")
                .dbClusterSnapshotIdentifier("s2").tags(Tag.builder().key("k").value("v").build())).dbClusterSnapshot();
        assertThat(second.tagList()).extracting(Tag::key).containsExactly("k");

        // WHEN / THEN the wire code SnapshotQuotaExceeded (not the shape name) maps to the SDK's exception
        assertThatThrownBy(() -> client.createDBClusterSnapshot(r -> r.dbClusterIdentifier("orders").dbClusterSnapshotIdentifier("s3")))
                .asInstanceOf(type(SnapshotQuotaExceededException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SnapshotQuotaExceeded");
                });
    }

    @Test
    void createDBClusterSnapshot_should_answerMissingParameter_when_requiredMemberIsAbsent() {
        // WHEN / THEN the SDK does not check required members; the service answers as RDS does
        assertThatThrownBy(() -> client.createDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier("s1")))
                .asInstanceOf(type(RdsException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The request must contain the parameter DBClusterIdentifier");
                });
        assertThat(simulator.faults().calls("CreateDBClusterSnapshot")).isEqualTo(1);
    }

    @Test
    void describeDBClusterSnapshots_should_answerInternalFailure_when_serviceOutputDoesNotFitTheModel() {
        // GIVEN a client that does not retry
        try (RdsClient once = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN / THEN a simulator bug is loud: HTTP 500 naming the offending member
            assertThatThrownBy(() -> once.describeDBClusterSnapshots(r -> { }))
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("NotAMember");
                    });
        }
    }

    // ---- the wire itself, for what the SDK never sends ----------------------------------------------

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(simulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void post_should_answerRdsXmlDocument_when_actionSucceeds() throws Exception {
        // WHEN
        HttpResponse<String> response = post("Action=DescribeDBClusters&Version=2014-10-31");

        // THEN the document is exactly RDS's envelope
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(response.body()).isEqualTo("<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeDBClustersResult><DBClusters></DBClusters></DescribeDBClustersResult>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></DescribeDBClustersResponse>");
    }

    @Test
    void post_should_acceptMemberForm_when_listUsesMemberN() throws Exception {
        // WHEN a hand-written client uses the generic .member.N form
        HttpResponse<String> response = post("Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=c1&Engine=aurora-mysql"
                + "&Tags.member.1.Key=a&Tags.member.1.Value=b&VpcSecurityGroupIds.member.1=sg-9");

        // THEN
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rds.lastInput).containsEntry("Tags", List.of(Map.of("Key", "a", "Value", "b")))
                .containsEntry("VpcSecurityGroupIds", List.of("sg-9"));
        assertThat(response.body()).contains("<TagList><Tag><Key>a</Key><Value>b</Value></Tag></TagList>")
                .contains("<ClusterCreateTime>2026-11-25T03:00:00.000Z</ClusterCreateTime>");
    }

    @Test
    void post_should_answerInvalidParameterValue_when_integerIsNotANumber() throws Exception {
        // WHEN
        HttpResponse<String> response = post("Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=c1&Engine=e&Port=abc");

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Type>Sender</Type><Code>InvalidParameterValue</Code>")
                .contains("Invalid value &apos;abc&apos; for parameter Port: expected an integer.");
        assertThat(rds.lastInput).isNull();
    }

    @Test
    void post_should_answerInvalidAction_when_actionIsUnknown() throws Exception {
        // WHEN
        HttpResponse<String> response = post("Action=DescribeEverything&Version=2014-10-31");

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error>"
                + "<Type>Sender</Type><Code>InvalidAction</Code><Message>The action DescribeEverything is not valid for this web service."
                + "</Message></Error><RequestId>");
    }

    @Test
    void post_should_answerMissingParameter_when_nestedRequiredMemberIsAbsent() throws Exception {
        // WHEN a filter has values but no name
        HttpResponse<String> response = post("Action=DescribeDBClusters&Version=2014-10-31&Filters.Filter.1.Values.Value.1=x");

        // THEN the message names the full parameter
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingParameter</Code><Message>The request must contain the parameter "
                + "Filters.Filter.1.Name</Message>");
    }

    @Test
    void get_should_answerPlainBadRequest_when_requestIsNeitherQueryNorJson() throws Exception {
        // WHEN
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(simulator.endpoint().resolve("/favicon.ico")).build(), HttpResponse.BodyHandlers.ofString());

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("AWS Query requests").contains("X-Amz-Target");
    }

    @Test
    void endpoint_should_beLoopback_when_started() {
        assertThat(simulator.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + simulator.port()));
    }
}
