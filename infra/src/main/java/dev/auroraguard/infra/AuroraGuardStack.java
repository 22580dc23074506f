package dev.auroraguard.infra;

import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.handler.FunctionCatalog;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Everything aurora-guard deploys into one account and region: the event bus, the notification topic,
 * the failure queue, and one {@link DeployedFunction} per {@link FunctionCatalog} entry.
 */
public final class AuroraGuardStack extends Stack {

    private final EventBus eventBus;
    private final Topic notificationTopic;
    private final Queue failureQueue;

    public AuroraGuardStack(Construct scope, String id, StackProps props, AuroraGuardSettings settings,
                            FunctionArtifacts artifacts) {
        super(scope, id, props);

        this.eventBus = EventBus.Builder.create(this, "EventBus").eventBusName(settings.eventBusName()).build();
        // A custom bus refuses other accounts unless its policy names them: this names this account and the
        // configured principals, nobody else.
        eventBus.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PutEventsFromThisAccount")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("events:PutEvents"))
                .resources(List.of(eventBus.getEventBusArn()))
                .build());
        if (!settings.eventBusPutPrincipals().isEmpty()) {
            List<IPrincipal> principals = new ArrayList<>();
            for (String principal : settings.eventBusPutPrincipals()) {
                principals.add(principal.startsWith("arn:") ? new ArnPrincipal(principal) : new AccountPrincipal(principal));
            }
            eventBus.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("PutEventsFromConfiguredPrincipals")
                    .principals(principals)
                    .actions(List.of("events:PutEvents"))
                    .resources(List.of(eventBus.getEventBusArn()))
                    .build());
        }

        this.failureQueue = Queue.Builder.create(this, "FailureQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(failureQueue, List.of(
                NagPackSuppression.builder().id("AwsSolutions-SQS3").reason("this queue is itself the dead-letter"
                        + " destination of every function, rule target and subscription; its alarm calls a person.").build(),
                NagPackSuppression.builder().id("Serverless-SQSRedrivePolicy").reason("this queue is itself the dead-letter"
                        + " destination; nothing consumes it automatically, so there is nothing to redrive from it.").build()));

        Key notificationKey = Key.Builder.create(this, "NotificationKey")
                .description("aurora-guard: encrypts the notification topic")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(30))
                .build();
        // Alarm actions publish to the topic as CloudWatch, which must be able to use its key (the SnsTopic
        // rule target grants EventBridge the same by itself). In a key policy, "*" is this key.
        notificationKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlarmsPublishToEncryptedTopic")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .build());
        this.notificationTopic = Topic.Builder.create(this, "NotificationTopic")
                .displayName("aurora-guard")
                .masterKey(notificationKey)
                .enforceSsl(true)
                .build();
        // The topic's policy replaces SNS's default one: alarm actions are allowed explicitly, and only for
        // this stack's alarms in this account (confused deputy).
        notificationTopic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlarmsOfThisStackPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(notificationTopic.getTopicArn()))
                .conditions(Map.of(
                        "ArnLike", Map.of("aws:SourceArn", formatArn(ArnComponents.builder()
                                .service("cloudwatch").resource("alarm").resourceName(getStackName() + "-*")
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())),
                        "StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        settings.notificationEmail().ifPresent(email -> notificationTopic.addSubscription(
                EmailSubscription.Builder.create(email).deadLetterQueue(failureQueue).build()));

        Rule.Builder.create(this, "OutcomesToPeople")
                .ruleName(getStackName() + "-outcomes-to-people")
                .description("Every aurora-guard outcome event, to the notification topic")
                .eventBus(eventBus)
                .eventPattern(EventPattern.builder()
                        .source(List.of(OutcomeEventSchema.SOURCE))
                        .detailType(OutcomeEventSchema.DETAIL_TYPES)
                        .build())
                .targets(List.of(SnsTopic.Builder.create(notificationTopic)
                        .deadLetterQueue(failureQueue)
                        .retryAttempts(DeployedFunction.DELIVERY_RETRIES)
                        .maxEventAge(Duration.hours(6))
                        .build()))
                .build();

        Alarm failureQueueAlarm = Alarm.Builder.create(this, "FailureQueueAlarm")
                .alarmName(getStackName() + "-failure-queue-not-empty")
                .alarmDescription("An aurora-guard event failed every retry (or could not be delivered) and waits in the"
                        + " failure queue. Read it: it holds the request and the error.")
                .metric(failureQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        failureQueueAlarm.addAlarmAction(new SnsAction(notificationTopic));

        DeployedFunction.Shared shared = new DeployedFunction.Shared(artifacts, eventBus, failureQueue, notificationTopic,
                settings.logRetentionDays(), settings.logLevel(), getStackName());
        FunctionDefinitions definitions = new FunctionDefinitions(settings, new RdsArns(this), new AccountArns(this),
                IamResource.of(eventBus.getEventBusArn()));
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String functionId = DeployedFunction.constructId(entry.functionName());
            DeployedFunction deployed = new DeployedFunction(this, functionId, definitions.of(entry), shared);
            CfnOutput.Builder.create(this, functionId + "FunctionArn").value(deployed.function().getFunctionArn())
                    .description(entry.functionName() + ": the function").build();
            CfnOutput.Builder.create(this, functionId + "AliasArn").value(deployed.alias().getFunctionArn())
                    .description(entry.functionName() + ": the '" + DeployedFunction.ALIAS + "' alias its triggers invoke").build();
            CfnOutput.Builder.create(this, functionId + "LogGroupName").value(deployed.logGroup().getLogGroupName())
                    .description(entry.functionName() + ": its log group").build();
        }

        CfnOutput.Builder.create(this, "EventBusName").value(eventBus.getEventBusName()).build();
        CfnOutput.Builder.create(this, "EventBusArn").value(eventBus.getEventBusArn()).build();
        CfnOutput.Builder.create(this, "NotificationTopicArn").value(notificationTopic.getTopicArn()).build();
        CfnOutput.Builder.create(this, "FailureQueueUrl").value(failureQueue.getQueueUrl()).build();
    }

    public EventBus eventBus() {
        return eventBus;
    }

    public Topic notificationTopic() {
        return notificationTopic;
    }

    public Queue failureQueue() {
        return failureQueue;
    }
}
