package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** cdk-nag's AwsSolutions and Serverless packs over the synthesized app: no unsuppressed error, narrow suppressions. */
class CdkNagTest {

    /** The rules suppressed somewhere, each for a reason written where the resource is created. */
    private static final Set<String> SUPPRESSIBLE = Set.of(
            "AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-SQS3",
            "Serverless-LambdaTracing", "Serverless-LambdaDLQ", "Serverless-LambdaLatestVersion",
            "Serverless-LambdaStarPermissions", "Serverless-SQSRedrivePolicy");

    static Stream<Arguments> configurations() {
        return IamPolicyTest.configurations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void nagPacks_should_reportNoUnsuppressedError_when_theAppIsSynthesized(String name, Map<String, Object> context) {
        SynthesizedApp app = SynthesizedApp.with(context);
        assertThat(app.nagErrors()).as("cdk-nag errors").isEmpty();
        // The SnapStart publishing warning is acknowledged (the alias publishes); no other CDK warning is expected.
        assertThat(app.nagWarnings()).as("warnings").isEmpty();
    }

    @Test
    void everySuppression_should_beNarrowAndExplained_when_present() {
        List<Map<String, Object>> suppressions = suppressions(SynthesizedApp.full());
        assertThat(suppressions).isNotEmpty();
        for (Map<String, Object> suppression : suppressions) {
            String id = (String) suppression.get("id");
            // THEN only the expected rules are suppressed, each with a specific reason
            assertThat(SUPPRESSIBLE).as("suppressed rule").contains(id);
            assertThat((String) suppression.get("reason")).as("reason for %s", id).hasSizeGreaterThan(60);
            // AND a wildcard is excused for the one resource named in appliesTo, never for the whole role;
            // "*" itself only for an action without resource-level permissions
            if (id.equals("AwsSolutions-IAM5")) {
                assertThat((List<?>) suppression.get("applies_to")).as("appliesTo of %s", suppression).singleElement()
                        .satisfies(a -> {
                            String regex = ((Map<?, ?>) a).get("regex").toString();
                            assertThat(regex).doesNotContain(".*");
                            if (regex.equals("/^Resource::\\*$/")) {
                                assertThat((String) suppression.get("reason")).contains("no resource-level permission");
                            } else {
                                assertThat(regex).startsWith("/^Resource::arn:");
                            }
                        });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suppressions(SynthesizedApp app) {
        List<Map<String, Object>> all = new ArrayList<>();
        ((Map<String, Object>) app.json.get("Resources")).values().forEach(resource -> {
            Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) resource).get("Metadata");
            if (metadata != null && metadata.get("cdk_nag") instanceof Map<?, ?> nag) {
                all.addAll((List<Map<String, Object>>) nag.get("rules_to_suppress"));
            }
        });
        return all;
    }
}
