package dev.auroraguard.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code npx aws-cdk@2 synth} / {@code deploy} run this through {@code cdk.json}. */
public final class AuroraGuardApp {

    private AuroraGuardApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        createStack(app);
        app.synth();
    }

    /** The seam tests use: the same stack the CLI deploys, from the app's context. */
    static AuroraGuardStack createStack(App app) {
        AuroraGuardSettings settings = AuroraGuardSettings.fromContext(app.getNode()::tryGetContext);
        return new AuroraGuardStack(app, "AuroraGuard", StackProps.builder()
                .description("aurora-guard: event-driven backup and recovery for Amazon Aurora")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), settings);
    }
}
