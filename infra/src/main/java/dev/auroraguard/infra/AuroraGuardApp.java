package dev.auroraguard.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/** The CDK app: {@code npx aws-cdk@2 synth} / {@code deploy} run this through {@code cdk.json}. */
public final class AuroraGuardApp {

    /** Set by the infra pom's exec configuration to the shaded jar the same build produced. */
    static final String ARTIFACT_PROPERTY = "aurora-guard.lambda-artifact";

    private AuroraGuardApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            createStack(app);
        } catch (InvalidContextException e) {
            // The CDK CLI shows the app's standard error, not Maven's log on standard output: one problem a line.
            System.err.println("Invalid aurora-guard configuration (cdk.json \"context\" or -c key=value):");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            throw e;
        }
        app.synth();
    }

    /** The seam tests use: the same stack the CLI deploys, from the app's context. */
    static AuroraGuardStack createStack(App app) {
        Map<String, Object> context = context(app);
        AuroraGuardSettings settings = AuroraGuardSettings.fromContext(context);
        return new AuroraGuardStack(app, "AuroraGuard", StackProps.builder()
                .description("aurora-guard: event-driven backup and recovery for Amazon Aurora")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), settings, lambdaCode(context.get(AuroraGuardSettings.LAMBDA_ARTIFACT)));
    }

    /**
     * The Lambda artifact: context {@code lambdaArtifact} if given, else the jar the build passes in. Never a
     * jar committed to git: the {@code cdk.json} app command builds it before synthesizing.
     */
    static Code lambdaCode(Object contextValue) {
        String configured = contextValue instanceof String text && !text.isBlank() ? text.trim() : System.getProperty(ARTIFACT_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new InvalidContextException(List.of("context " + AuroraGuardSettings.LAMBDA_ARTIFACT + ": no Lambda"
                    + " artifact; run the app through cdk.json (its command builds lambdas/target/lambdas-<version>-aws.jar"
                    + " first) or pass -c " + AuroraGuardSettings.LAMBDA_ARTIFACT + "=path/to/lambdas-aws.jar"));
        }
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new InvalidContextException(List.of("context " + AuroraGuardSettings.LAMBDA_ARTIFACT + ": " + jar
                    + " does not exist; build it with: mvn -pl lambdas -am package -DskipTests"));
        }
        return Code.fromAsset(jar.toString());
    }

    /** Every context value of the app, keyed by name. */
    static Map<String, Object> context(App app) {
        Object all = app.getNode().getAllContext();
        Map<String, Object> context = new LinkedHashMap<>();
        if (all instanceof Map<?, ?> map) {
            map.forEach((key, value) -> context.put(String.valueOf(key), value));
        }
        return context;
    }
}
