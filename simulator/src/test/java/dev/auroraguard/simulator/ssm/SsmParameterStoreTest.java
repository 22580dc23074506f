package dev.auroraguard.simulator.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.simulator.SdkClients;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.HierarchyTypeMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** SSM GetParameter / PutParameter through the real SDK v2 SsmClient. */
class SsmParameterStoreTest {

    private Simulator simulator;
    private SsmClient ssm;

    @BeforeEach
    void start() throws IOException {
        simulator = Simulator.start(SimulatorOptions.forTests());
        ssm = client(simulator);
    }

    @AfterEach
    void stop() {
        ssm.close();
        simulator.close();
    }

    private static SsmClient client(Simulator simulator) {
        return SsmClient.builder().endpointOverride(simulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(SdkClients.standardRetries(3)).build())
                .build();
    }

    @Test
    void putParameter_should_createVersionOne_and_getParameterReturnsIt_when_new() {
        // WHEN
        var put = ssm.putParameter(b -> b.name("/orders/db/endpoint").value("orders-db.cluster-abc.eu-west-1.rds.amazonaws.com")
                .type(ParameterType.STRING));
        GetParameterResponse got = ssm.getParameter(b -> b.name("/orders/db/endpoint"));

        // THEN
        assertThat(put.version()).isEqualTo(1L);
        assertThat(got.parameter().name()).isEqualTo("/orders/db/endpoint");
        assertThat(got.parameter().value()).isEqualTo("orders-db.cluster-abc.eu-west-1.rds.amazonaws.com");
        assertThat(got.parameter().version()).isEqualTo(1L);
        assertThat(got.parameter().type()).isEqualTo(ParameterType.STRING);
        assertThat(got.parameter().arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/orders/db/endpoint");
        assertThat(got.parameter().lastModifiedDate()).isEqualTo(simulator.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void putParameter_should_refuseWithoutOverwrite_and_addVersionWithIt_when_parameterExists() {
        // GIVEN
        ssm.putParameter(b -> b.name("orders-endpoint").value("old.example").type(ParameterType.STRING));

        // WHEN / THEN
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("orders-endpoint").value("new.example")))
                .isInstanceOf(ParameterAlreadyExistsException.class);
        var put = ssm.putParameter(b -> b.name("orders-endpoint").value("new.example").overwrite(true));
        assertThat(put.version()).isEqualTo(2L);
        assertThat(ssm.getParameter(b -> b.name("orders-endpoint")).parameter().value()).isEqualTo("new.example");
        assertThat(ssm.getParameter(b -> b.name("orders-endpoint:1")).parameter().value()).isEqualTo("old.example");
        assertThat(simulator.ssm().versionCount("orders-endpoint")).isEqualTo(2);
    }

    @Test
    void getParameter_should_answerParameterNotFound_when_unknownNameOrVersion() {
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/nothing/here"))).isInstanceOf(ParameterNotFoundException.class);
        ssm.putParameter(b -> b.name("p").value("v").type(ParameterType.STRING));
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("p:7"))).isInstanceOf(ParameterVersionNotFoundException.class);
    }

    @Test
    void putParameter_should_refuseTypeChangeAndBadNames() {
        ssm.putParameter(b -> b.name("p").value("v").type(ParameterType.STRING));
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("p").value("w").type(ParameterType.SECURE_STRING).overwrite(true)))
                .isInstanceOf(HierarchyTypeMismatchException.class);
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("aws-reserved").value("v").type(ParameterType.STRING)))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("a/b").value("v").type(ParameterType.STRING)))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("new-without-type").value("v")))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void getParameter_should_hideSecureStringValue_when_notDecrypting() {
        ssm.putParameter(b -> b.name("secret").value("hunter22").type(ParameterType.SECURE_STRING));
        assertThat(ssm.getParameter(b -> b.name("secret")).parameter().value()).isNotEqualTo("hunter22");
        assertThat(ssm.getParameter(b -> b.name("secret").withDecryption(true)).parameter().value()).isEqualTo("hunter22");
    }

    @Test
    void parameters_should_surviveRestart_when_stateDirectoryIsUsed(@TempDir Path state) throws IOException {
        // GIVEN
        ssm.close();
        simulator.close();
        simulator = Simulator.start(SimulatorOptions.forTests().toBuilder().stateDir(state).build());
        ssm = client(simulator);
        ssm.putParameter(b -> b.name("/app/db").value("one").type(ParameterType.STRING));
        ssm.putParameter(b -> b.name("/app/db").value("two").overwrite(true));

        // WHEN
        ssm.close();
        simulator.close();
        simulator = Simulator.start(SimulatorOptions.forTests().toBuilder().stateDir(state).build());
        ssm = client(simulator);

        // THEN
        assertThat(ssm.getParameter(b -> b.name("/app/db")).parameter().version()).isEqualTo(2L);
        assertThat(ssm.getParameter(b -> b.name("/app/db:1")).parameter().value()).isEqualTo("one");
    }
}
