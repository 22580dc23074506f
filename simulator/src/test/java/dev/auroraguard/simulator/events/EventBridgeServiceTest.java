package dev.auroraguard.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.SdkClients;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** EventBridge PutEvents and event buses through the real SDK v2 EventBridgeClient. */
class EventBridgeServiceTest {

    private Simulator simulator;
    private EventBridgeClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = Simulator.start(SimulatorOptions.forTests().toBuilder().eventBus("aurora-guard").build());
        client = SdkClients.eventBridge(simulator);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private static PutEventsRequestEntry.Builder entry() {
        return PutEventsRequestEntry.builder().source("aurora-guard.snapshots").detailType("Snapshot Created")
                .detail("{\"snapshot\":\"orders-2026-11-25\"}");
    }

    @Test
    void putEvents_should_recordEventWithClockTime_when_entryIsValid() {
        // WHEN
        PutEventsResponse response = client.putEvents(r -> r.entries(entry().resources("arn:aws:rds:us-east-1:123456789012:cluster:orders")
                .eventBusName("aurora-guard").build()));

        // THEN
        assertThat(response.failedEntryCount()).isZero();
        String id = response.entries().get(0).eventId();
        assertThat(simulator.events().all()).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.time()).isEqualTo(SimulatorOptions.TEST_START);
            assertThat(event.eventBusName()).isEqualTo("aurora-guard");
            assertThat(event.source()).isEqualTo("aurora-guard.snapshots");
            assertThat(event.detailType()).isEqualTo("Snapshot Created");
            assertThat(event.resources()).containsExactly("arn:aws:rds:us-east-1:123456789012:cluster:orders");
            assertThat(event.detailJson()).isEqualTo("{\"snapshot\":\"orders-2026-11-25\"}");
            assertThat(event.account()).isEqualTo("123456789012");
            assertThat(event.region()).isEqualTo("us-east-1");
        });
    }

    @Test
    void putEvents_should_keepEntryTime_when_entryHasTime() {
        // GIVEN
        Instant time = Instant.parse("2026-11-24T23:59:58.250Z");

        // WHEN
        client.putEvents(r -> r.entries(entry().time(time).build()));

        // THEN
        assertThat(simulator.events().onBus("default")).extracting(RecordedEvent::time).containsExactly(time);
    }

    @Test
    void putEvents_should_acceptBusArn_when_arnIsThisAccounts() {
        // WHEN
        PutEventsResponse response = client.putEvents(r -> r.entries(
                entry().eventBusName("arn:aws:events:us-east-1:123456789012:event-bus/aurora-guard").build()));

        // THEN
        assertThat(response.failedEntryCount()).isZero();
        assertThat(simulator.events().onBus("aurora-guard")).hasSize(1);
    }

    @Test
    void putEvents_should_failOnlyBadEntries_when_batchMixesValidAndInvalid() {
        // WHEN one batch holds every per-entry failure EventBridge reports, between two valid entries
        PutEventsResponse response = client.putEvents(r -> r.entries(
                entry().build(),
                entry().source(null).build(),
                entry().detailType(null).build(),
                entry().detail(null).build(),
                entry().source("aws.rds").build(),
                entry().detail("[1,2]").build(),
                entry().detail("{not json").build(),
                entry().eventBusName("no-such-bus").build(),
                entry().build()));

        // THEN
        assertThat(response.failedEntryCount()).isEqualTo(7);
        assertThat(response.entries()).hasSize(9);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorCode).containsExactly(
                null, "InvalidArgument", "InvalidArgument", "InvalidArgument", "NotAuthorizedForSourceException",
                "MalformedDetail", "MalformedDetail", "ResourceNotFoundException", null);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorMessage).containsExactly(
                null,
                "Parameter Source is not valid. Reason: Source is a required argument.",
                "Parameter DetailType is not valid. Reason: DetailType is a required argument.",
                "Parameter Detail is not valid. Reason: Detail is a required argument.",
                "Not authorized for the source.",
                "Detail is malformed.",
                "Detail is malformed.",
                "Event bus no-such-bus does not exist.",
                null);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(1).eventId()).isNull();
        assertThat(simulator.events().size()).isEqualTo(2);
    }

    @Test
    void putEvents_should_rejectWholeRequest_when_moreThanTenEntries() {
        // GIVEN
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry().build());
        }

        // WHEN / THEN
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(eleven)))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '")
                            .endsWith("' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
                });
        assertThat(simulator.events().size()).isZero();
    }

    @Test
    void putEvents_should_rejectWholeRequest_when_noEntries() {
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(List.of())))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith("Member must have length greater than or equal to 1"));
    }

    @Test
    void putEvents_should_rejectWholeRequest_when_entriesExceed256KiB() {
        // GIVEN two entries whose documented sizes add up to one byte over 262144
        String source = "aurora-guard.snapshots";
        String detailType = "Snapshot Created";
        int overhead = source.length() + detailType.length() + "{\"p\":\"\"}".length();
        String first = "{\"p\":\"" + "x".repeat(131072 - overhead) + "\"}";
        String second = "{\"p\":\"" + "x".repeat(131072 - overhead + 1) + "\"}";

        // WHEN / THEN
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(entry().detail(first).build(), entry().detail(second).build())))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Total size of the entries in the request is over the limit.");
                });
    }

    @Test
    void putEvents_should_countUtf8BytesAndTime_when_sizingTheRequest() {
        // GIVEN entries with Time (14 bytes) and two-byte characters, sized exactly at and one byte over 262144
        Instant time = Instant.parse("2026-11-25T02:00:00Z");
        String atLimit = detailOfSize(262144 - 14 - "aurora-guard.snapshots".length() - "Snapshot Created".length());
        String overLimit = detailOfSize(262144 - 14 - "aurora-guard.snapshots".length() - "Snapshot Created".length() + 1);

        // WHEN / THEN the limit itself is allowed
        assertThat(client.putEvents(r -> r.entries(entry().time(time).detail(atLimit).build())).failedEntryCount()).isZero();
        // AND one byte more is refused although it is far fewer characters
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(entry().time(time).detail(overLimit).build())))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Total size of the entries in the request is over the limit."));
    }

    /** A JSON object whose UTF-8 encoding is {@code bytes} long, mostly two-byte characters. */
    private static String detailOfSize(int bytes) {
        int content = bytes - "{\"p\":\"\"}".length();
        return "{\"p\":\"" + "é".repeat(content / 2) + "x".repeat(content % 2) + "\"}";
    }

    @Test
    void eventBuses_should_createDescribeListDelete_when_managedThroughTheSdk() {
        // WHEN
        String arn = client.createEventBus(r -> r.name("restores").description("restore events")).eventBusArn();

        // THEN
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/restores");
        var described = client.describeEventBus(r -> r.name("restores"));
        assertThat(described.name()).isEqualTo("restores");
        assertThat(described.description()).isEqualTo("restore events");
        assertThat(described.creationTime()).isEqualTo(SimulatorOptions.TEST_START);
        assertThat(client.describeEventBus(r -> { }).name()).isEqualTo("default");
        assertThat(client.listEventBuses(r -> { }).eventBuses()).extracting(b -> b.name())
                .containsExactly("aurora-guard", "default", "restores");
        assertThat(client.listEventBuses(r -> r.namePrefix("re")).eventBuses()).extracting(b -> b.name()).containsExactly("restores");

        // AND paging works
        var firstPage = client.listEventBuses(r -> r.limit(2));
        assertThat(firstPage.eventBuses()).hasSize(2);
        assertThat(client.listEventBuses(r -> r.limit(2).nextToken(firstPage.nextToken())).eventBuses())
                .extracting(b -> b.name()).containsExactly("restores");

        // WHEN deleted (twice: deleting a missing bus succeeds, as on EventBridge)
        client.deleteEventBus(r -> r.name("restores"));
        client.deleteEventBus(r -> r.name("restores"));

        // THEN
        assertThatThrownBy(() -> client.describeEventBus(r -> r.name("restores")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Event bus restores does not exist.");
    }

    @Test
    void createEventBus_should_throwAlreadyExists_when_nameIsTaken() {
        assertThatThrownBy(() -> client.createEventBus(r -> r.name("default")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageStartingWith("Event bus default already exists.");
    }

    @Test
    void createEventBus_should_throwValidation_when_nameBreaksModelPattern() {
        assertThatThrownBy(() -> client.createEventBus(r -> r.name("bad name!")))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'bad name!' "
                        + "at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+"));
    }

    @Test
    void deleteEventBus_should_refuse_when_busIsDefault() {
        assertThatThrownBy(() -> client.deleteEventBus(r -> r.name("default")))
                .asInstanceOf(type(EventBridgeException.class))
                .satisfies(e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete event bus default.");
                });
    }

    @Test
    void post_should_answerUnknownOperation_when_targetIsNotAnOperation() throws Exception {
        // WHEN
        HttpResponse<String> response = postJson("AWSEvents.PutEverything", "{}");

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\",\"message\":"
                + "\"Operation PutEverything is not an operation of AWSEvents.\"}");
    }

    @Test
    void post_should_answerUnknownOperation_when_targetPrefixIsNotSimulated() throws Exception {
        // WHEN
        HttpResponse<String> response = postJson("DynamoDB_20120810.ListTables", "{}");

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"").contains("'DynamoDB_20120810'");
    }

    @Test
    void post_should_answerSerializationException_when_memberHasWrongType() throws Exception {
        // WHEN
        HttpResponse<String> response = postJson("AWSEvents.PutEvents", "{\"Entries\":\"not a list\"}");

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"SerializationException\"");
    }

    @Test
    void post_should_answerValidationException_when_requiredMemberIsNull() throws Exception {
        // WHEN
        HttpResponse<String> response = postJson("AWSEvents.PutEvents", "{}");

        // THEN
        assertThat(response.body()).isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: "
                + "Value null at 'entries' failed to satisfy constraint: Member must not be null\"}");
    }

    @Test
    void post_should_writeTimestampsAsPlainEpochSeconds_when_outputHasTimestamps() throws Exception {
        // WHEN
        HttpResponse<String> response = postJson("AWSEvents.DescribeEventBus", "{}");

        // THEN
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Name\":\"default\",\"Arn\":\"arn:aws:events:us-east-1:123456789012:event-bus/default\","
                + "\"CreationTime\":1795575600.000,\"LastModifiedTime\":1795575600.000}");
    }

    private HttpResponse<String> postJson(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(simulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
