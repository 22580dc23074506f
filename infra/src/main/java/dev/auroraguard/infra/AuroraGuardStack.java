package dev.auroraguard.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventBus;
import software.constructs.Construct;

/**
 * Everything aurora-guard deploys into one account and region. Grows with each function: for now the
 * event bus that outcome events and requests travel on.
 */
public final class AuroraGuardStack extends Stack {

    private final EventBus eventBus;

    public AuroraGuardStack(Construct scope, String id, StackProps props, AuroraGuardSettings settings) {
        super(scope, id, props);
        // Only principals of this account may put events on a custom bus unless a policy says otherwise.
        this.eventBus = EventBus.Builder.create(this, "EventBus").eventBusName(settings.eventBusName()).build();
        CfnOutput.Builder.create(this, "EventBusName").value(eventBus.getEventBusName()).build();
        CfnOutput.Builder.create(this, "EventBusArn").value(eventBus.getEventBusArn()).build();
    }

    public EventBus eventBus() {
        return eventBus;
    }
}
