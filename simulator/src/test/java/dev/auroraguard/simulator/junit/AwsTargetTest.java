package dev.auroraguard.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import dev.auroraguard.simulator.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The JUnit extension that points integration suites at the simulator, another emulator or AWS. */
class AwsTargetTest {

    @RegisterExtension
    static final AwsTarget aws = AwsTarget.create();

    /** The simulator the outer class started; nested classes must share it. */
    private static Simulator outerSimulator;

    @BeforeAll
    static void rememberSimulator() {
        outerSimulator = aws.isSimulator() ? aws.simulator() : null;
    }

    @Test
    void sdkClient_should_reachTarget_when_builtFromItsAccessors() {
        // GIVEN a client built only from what the target exposes
        AwsTarget.StaticCredentials credentials = aws.staticCredentials().orElseThrow(
                () -> new TestAbortedException("this test builds static credentials; real AWS uses the default chain"));
        try (EventBridgeClient client = EventBridgeClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .applyMutation(builder -> aws.endpoint().ifPresent(builder::endpointOverride))
                .build()) {
            // WHEN / THEN
            assertThat(client.describeEventBus(r -> { }).name()).isEqualTo("default");
        }
    }

    @Test
    void simulator_should_beTheRunningEmbeddedOne_when_noEndpointIsConfigured() {
        // GIVEN / WHEN
        var simulator = aws.simulator();

        // THEN
        assertThat(aws.isSimulator()).isTrue();
        assertThat(aws.endpoint()).contains(simulator.endpoint());
        assertThat(aws.region()).isEqualTo("us-east-1");
        assertThat(simulator.clock().isManual()).isTrue();
    }

    @Test
    void simulator_should_skipTest_when_targetIsRealAws() {
        // GIVEN
        AwsTarget real = AwsTarget.forSetting("aws");

        // WHEN / THEN
        assertThat(real.mode()).isEqualTo(AwsTarget.Mode.REAL_AWS);
        assertThat(real.endpoint()).isEmpty();
        assertThat(real.staticCredentials()).isEmpty();
        assertThat(real.isSimulator()).isFalse();
        assertThatThrownBy(real::simulator)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs the aurora-guard simulator's clock or fault injection");
    }

    @Test
    void endpoint_should_beTheUrl_when_targetIsAnotherEmulator() {
        // GIVEN
        AwsTarget emulator = AwsTarget.forSetting("http://localhost:4566");

        // WHEN / THEN
        assertThat(emulator.mode()).isEqualTo(AwsTarget.Mode.EXTERNAL_ENDPOINT);
        assertThat(emulator.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(emulator.staticCredentials()).isPresent();
        assertThat(emulator.region()).isNotBlank();
        assertThatThrownBy(emulator::simulator).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void forSetting_should_refuse_when_settingIsNeitherUrlNorAws() {
        assertThatThrownBy(() -> AwsTarget.forSetting("localstack"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AwsTarget.ENDPOINT_VARIABLE);
    }

    @Test
    void uniqueName_should_giveDistinctRdsSafeNames_when_calledRepeatedly() {
        // WHEN
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            names.add(aws.uniqueName("Orders"));
        }

        // THEN
        assertThat(names).hasSize(500).allMatch(name -> name.matches("orders-[a-z0-9]{8}"));
    }

    @Nested
    class InsideANestedClass {

        @Test
        void simulator_should_beTheOuterClassOne_when_nestedClassRuns() {
            assertThat(aws.simulator()).isSameAs(outerSimulator);
        }
    }

    @Nested
    class AfterANestedClass {

        @Test
        void simulator_should_stillBeTheOuterClassOne_when_anotherNestedClassFinished() {
            assertThat(aws.simulator()).isSameAs(outerSimulator);
        }
    }
}
