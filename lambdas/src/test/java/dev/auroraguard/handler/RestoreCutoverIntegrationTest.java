package dev.auroraguard.handler;

import static dev.auroraguard.testing.RestoreTestbed.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.RestoreTestbed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Cutover: the application's SSM parameter pointed at a completed restore, on request or automatically. */
class RestoreCutoverIntegrationTest {

    private static final String PARAMETER = "/orders/db/writer-endpoint";

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(RestoreTestbed.BUS).build());

    private RestoreTestbed bed;
    private Timings timings;
    private String originalEndpoint;

    @BeforeEach
    void sourceAndParameter() {
        bed = new RestoreTestbed(aws);
        timings = bed.simulator().options().timings();
        bed.createSource(Duration.ofDays(1), false);
        // GIVEN the application reads the writer endpoint of the source from a parameter
        originalEndpoint = bed.cluster(SOURCE).endpoint();
        bed.ssm().putParameter(b -> b.name(PARAMETER).value(originalEndpoint).type(ParameterType.STRING));
    }

    private String completeARestore() {
        bed.putRestoreRequested(Map.of("sourceCluster", SOURCE, "restoreTo", "latest", "reason", "bad deploy", "requestedBy", "alice"));
        bed.route();
        bed.advance(timings.clusterRestore());
        bed.route();
        bed.advance(timings.instanceCreate());
        bed.route();
        List<Map<String, Object>> completed = bed.outcomes(OutcomeEventSchema.RESTORE_COMPLETED);
        assertThat(completed).hasSize(1);
        return (String) completed.get(0).get("restoredCluster");
    }

    @Test
    void cutoverRequested_should_pointTheParameterAtTheRestoredWriter_and_recordTheWayBack() {
        // GIVEN cutover on request
        bed.configure(Map.of("RESTORE_CUTOVER_PARAMETER", PARAMETER));
        String restored = completeARestore();
        assertThat(bed.simulator().ssm().value(PARAMETER)).as("no cutover before it is asked for").hasValue(originalEndpoint);

        // WHEN someone asks for the cutover (twice: at least once delivery)
        bed.putCutoverRequested(restored);
        bed.putCutoverRequested(restored);
        bed.route();

        // THEN the parameter names the restored writer endpoint; the event and the cluster say how to undo it
        String restoredEndpoint = bed.cluster(restored).endpoint();
        assertThat(bed.simulator().ssm().value(PARAMETER)).hasValue(restoredEndpoint);
        assertThat(bed.simulator().ssm().versionCount(PARAMETER)).isEqualTo(2);
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_CUTOVER_COMPLETED)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("parameter", PARAMETER).containsEntry("previousValue", originalEndpoint).containsEntry("previousVersion", 1L)
                .containsEntry("newValue", restoredEndpoint).containsEntry("newVersion", 2L));
        assertThat(RestoreTestbed.tags(bed.cluster(restored))).containsEntry("aurora-guard:cutover-previous-version", "1")
                .containsKey("aurora-guard:cutover");
    }

    @Test
    void completion_should_cutOverByItself_when_autoMode() {
        // GIVEN
        bed.configure(Map.of("RESTORE_CUTOVER_PARAMETER", PARAMETER, "RESTORE_CUTOVER_MODE", "auto"));

        // WHEN
        String restored = completeARestore();

        // THEN
        assertThat(bed.simulator().ssm().value(PARAMETER)).hasValue(bed.cluster(restored).endpoint());
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_CUTOVER_COMPLETED)).hasSize(1);
    }

    @Test
    void cutoverRequested_should_publishCutoverFailed_when_offOrNotCompleted() {
        // GIVEN cutover off (the default), and a restore still in flight
        String restored = completeARestore();
        bed.putCutoverRequested(restored);
        bed.route();
        bed.configure(Map.of("RESTORE_CUTOVER_PARAMETER", PARAMETER));
        bed.putCutoverRequested(SOURCE);
        bed.route();

        // THEN nothing changed, and each request got a reason
        assertThat(bed.outcomes(OutcomeEventSchema.RESTORE_CUTOVER_FAILED)).extracting(d -> d.get("reason"))
                .containsExactly("cutover-not-configured", "not-a-restore");
        assertThat(bed.simulator().ssm().value(PARAMETER)).hasValue(originalEndpoint);
    }
}
