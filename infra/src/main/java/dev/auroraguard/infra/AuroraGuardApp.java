package dev.auroraguard.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code npx aws-cdk@2 synth} / {@code deploy} run this through {@code cdk.json}. */
public final class AuroraGuardApp {

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
        // Bad keys and missing jars in one message: the synth fails once, naming everything to fix.
        List<String> problems = new ArrayList<>();
        AuroraGuardSettings settings = null;
        FunctionArtifacts artifacts = null;
        try {
            settings = AuroraGuardSettings.fromContext(context);
        } catch (InvalidContextException e) {
            problems.addAll(e.problems());
        }
        try {
            artifacts = FunctionArtifacts.fromContext(context.get(AuroraGuardSettings.FUNCTION_ARTIFACTS));
        } catch (InvalidContextException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidContextException(problems);
        }
        return new AuroraGuardStack(app, "AuroraGuard", StackProps.builder()
                .description("aurora-guard: event-driven backup and recovery for Amazon Aurora")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), settings, artifacts);
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
