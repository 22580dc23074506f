package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.handler.FunctionCatalog;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The resources of the app synthesized with {@link SynthesizedApp#FULL_CONTEXT}: functions, triggers,
 * failure handling, alarms, bus, topic, outputs.
 */
class AuroraGuardStackTest {

    private static SynthesizedApp app;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        app = SynthesizedApp.full();
        template = app.template;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCatalogFunction_should_beDeployedFromItsOwnJar_when_synthesized() {
        // GIVEN the stand-in directory: one jar per function, each with different content
        Path standIns = SynthesizedApp.standInArtifacts();
        Path assembly = app.assemblyDirectory();
        Set<String> keys = new HashSet<>();
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String id = IamPolicyTest.logicalId(app, "AWS::Lambda::Function", DeployedFunction.constructId(entry.functionName()));
            Map<String, Object> code = (Map<String, Object>) ((Map<String, Object>) app.resources("AWS::Lambda::Function")
                    .get(id).get("Properties")).get("Code");
            String key = (String) code.get("S3Key");
            // THEN the function's code is an asset of its own: HASH.jar, staged for upload as asset.HASH.jar
            assertThat(key).as(entry.functionName()).matches("[0-9a-f]{64}\\.jar");
            keys.add(key);
            // AND the staged asset is that function's jar, byte for byte
            assertThat(assembly.resolve("asset." + key)).as(entry.functionName())
                    .hasSameBinaryContentAs(standIns.resolve(entry.functionName() + ".jar"));
        }
        // AND no two functions share an asset
        assertThat(keys).hasSize(FunctionCatalog.values().length);
    }

    @Test
    void everyCatalogFunction_should_runJava21OnArm64WithSnapStartAndJsonLogs_when_deployed() {
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String id = DeployedFunction.constructId(entry.functionName());
            // THEN the function runs its catalog handler the way every aurora-guard function runs
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "AuroraGuard-" + entry.functionName(),
                    "Handler", entry.handler(),
                    "Runtime", "java21",
                    "Architectures", List.of("arm64"),
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "LoggingConfig", Map.of(
                            "LogFormat", "JSON",
                            "ApplicationLogLevel", "DEBUG",
                            "SystemLogLevel", "WARN",
                            "LogGroup", Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Logs::LogGroup", id))))));
            // AND triggers invoke the 'live' alias of its current published version
            template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of(
                    "Name", DeployedFunction.ALIAS,
                    "FunctionName", Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Lambda::Function", id)),
                    "FunctionVersion", Map.of("Fn::GetAtt", List.of(
                            IamPolicyTest.logicalId(app, "AWS::Lambda::Version", id), "Version")))));
        }
        // AND each log group keeps its events for the configured days, and survives a stack removal
        template.resourceCountIs("AWS::Logs::LogGroup", FunctionCatalog.values().length);
        template.allResources("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "Properties", Map.of("RetentionInDays", 30),
                "DeletionPolicy", "Retain")));
    }

    @Test
    void scheduledSnapshot_should_getItsEnvironmentFromConfiguration_when_deployed() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "AuroraGuard-scheduled-snapshot",
                "Timeout", 300,
                "MemorySize", 1024,
                "Environment", Map.of("Variables", Match.exact(Map.of(
                        "SNAPSHOT_CLUSTERS", "orders-db,billing-db",
                        "SNAPSHOT_SELECTION_TAG", "backup-tier=gold",
                        "SNAPSHOT_COPY_CLUSTER_TAGS", "false",
                        "SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "skip",
                        "SNAPSHOT_QUOTA_WARNING_SHARE", "0.9",
                        "EVENT_BUS_NAME", "ops-aurora-guard"))))));
        assertThat(functionProperties("scheduled-snapshot")).doesNotContainKey("ReservedConcurrentExecutions");
    }

    @Test
    void snapshotAvailable_should_getItsEnvironmentFromConfiguration_when_deployed() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "AuroraGuard-snapshot-available",
                "Timeout", 120,
                "Environment", Map.of("Variables", Match.exact(Map.of(
                        "SNAPSHOT_AVAILABLE_LOOKBACK", "PT72H",
                        "SNAPSHOT_AVAILABLE_GRACE", "PT15M",
                        "EVENT_BUS_NAME", "ops-aurora-guard"))))));
    }

    @Test
    void snapshotCleanup_should_runAloneWithItsPolicyAndPace_when_deployed() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "AuroraGuard-snapshot-cleanup",
                // 5 minutes of listing plus 50 deletes at 0.5 per second
                "Timeout", 400,
                "ReservedConcurrentExecutions", 1,
                "Environment", Map.of("Variables", Match.exact(Map.of(
                        "SNAPSHOT_CLUSTERS", "orders-db,billing-db",
                        "SNAPSHOT_SELECTION_TAG", "backup-tier=gold",
                        "RETENTION_POLICY", AuroraGuardSettings.fromContext(SynthesizedApp.FULL_CONTEXT).cleanup().retentionPolicyJson(),
                        "CLEANUP_DRY_RUN", "false",
                        "CLEANUP_DELETION_BUDGET", "50",
                        "CLEANUP_DELETES_PER_SECOND", "0.5",
                        "EVENT_BUS_NAME", "ops-aurora-guard"))))));
        assertThat(ruleProperties("AuroraGuard-snapshot-cleanup-schedule")).containsEntry("ScheduleExpression", "cron(30 4 * * ? *)");
    }

    @Test
    void preDeploySnapshot_should_getItsEnvironmentAndTheCiRule_when_deployed() {
        // THEN it reads the protected clusters and the default wait limit
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "AuroraGuard-pre-deploy-snapshot",
                "Timeout", 120,
                "Environment", Map.of("Variables", Match.exact(Map.of(
                        "SNAPSHOT_CLUSTERS", "orders-db,billing-db",
                        "SNAPSHOT_SELECTION_TAG", "backup-tier=gold",
                        "PRE_DEPLOY_MAX_WAIT", "PT2H",
                        "SNAPSHOT_COPY_CLUSTER_TAGS", "false",
                        "EVENT_BUS_NAME", "ops-aurora-guard"))))));
        // AND a CI's request on the aurora-guard bus invokes its alias
        assertThat(ruleProperties("AuroraGuard-pre-deploy-snapshot-request")).containsEntry("EventBusName",
                Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Events::EventBus", "EventBus")));
    }

    @Test
    void pointInTimeRestore_should_runAloneOnConfiguredAlarmsOnly_when_alarmsAreConfigured() {
        Map<String, Object> restoreEnvironment = Map.of(
                "RESTORE_ALARMS", "orders-db-write-errors=orders-db,billing-db-write-errors=billing-db",
                "RESTORE_ALARM_SAFETY_MARGIN", "PT5M",
                "RESTORE_ALARM_COOLDOWN", "PT6H",
                "RESTORE_READERS", "1",
                "RESTORE_CUTOVER_PARAMETER", "/aurora-guard/orders-db/endpoint",
                "EVENT_BUS_NAME", "ops-aurora-guard");
        // THEN both restore functions read the restore settings built from the context keys
        for (String name : List.of("point-in-time-restore", "restore-progress")) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "AuroraGuard-" + name,
                    "Environment", Map.of("Variables", Match.exact(restoreEnvironment)))));
        }
        // AND two restores never start at once
        assertThat(functionProperties("point-in-time-restore")).containsEntry("ReservedConcurrentExecutions", 1);
        // AND the alarm rule matches only the configured alarms (a name becomes this account's alarm ARN)
        @SuppressWarnings("unchecked")
        Map<String, Object> alarmPattern = (Map<String, Object>) ruleProperties("AuroraGuard-restore-alarm").get("EventPattern");
        assertThat(alarmPattern).containsEntry("resources", SynthesizedApp.RESTORE_ALARM_ARNS);
        // AND each configured alarm's Lambda action may invoke the alias directly, and nothing else may
        String alias = IamPolicyTest.logicalId(app, "AWS::Lambda::Alias", "PointInTimeRestore");
        for (Object alarmArn : SynthesizedApp.RESTORE_ALARM_ARNS) {
            template.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                    "Action", "lambda:InvokeFunction",
                    "FunctionName", Map.of("Ref", alias),
                    "Principal", DeployedFunction.ALARMS_PRINCIPAL,
                    "SourceArn", alarmArn,
                    "SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        }
        assertThat(app.resources("AWS::Lambda::Permission").values().stream().map(IamPolicyTest::properties)
                .filter(p -> DeployedFunction.ALARMS_PRINCIPAL.equals(p.get("Principal")))).hasSize(2);
    }

    @Test
    void restoreProgress_should_beMovedOnByRdsEventsASweepAndCutoverRequests_when_deployed() {
        // THEN RDS's creation events (default bus), the sweep and cutover requests (aurora-guard bus) invoke it
        assertThat(ruleProperties("AuroraGuard-restore-progress-rds-event")).doesNotContainKey("EventBusName");
        assertThat(ruleProperties("AuroraGuard-restore-progress-sweep")).containsEntry("ScheduleExpression", "rate(5 minutes)");
        assertThat(ruleProperties("AuroraGuard-restore-cutover-requested")).containsKey("EventBusName");
        assertThat(functionProperties("restore-progress")).containsEntry("Timeout", 300)
                .doesNotContainKey("ReservedConcurrentExecutions");
    }

    @Test
    void everyFunction_should_retryThenSendFailuresToTheQueue_when_invokedAsynchronously() {
        String queue = IamPolicyTest.logicalId(app, "AWS::SQS::Queue", "FailureQueue");
        // a restore request is not started long after it was made; the other triggers recur or are retried
        Map<FunctionCatalog, Integer> maxEventAge = Map.of(FunctionCatalog.SCHEDULED_SNAPSHOT, 3600,
                FunctionCatalog.SNAPSHOT_AVAILABLE, 1800, FunctionCatalog.SNAPSHOT_CLEANUP, 3600,
                FunctionCatalog.PRE_DEPLOY_SNAPSHOT, 3600, FunctionCatalog.POINT_IN_TIME_RESTORE, 900,
                FunctionCatalog.RESTORE_PROGRESS, 3600);
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String id = DeployedFunction.constructId(entry.functionName());
            // THEN the alias's invoke configuration names the failure queue, with the function's retry policy
            template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                    "FunctionName", Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Lambda::Function", id)),
                    "MaximumRetryAttempts", 2,
                    "MaximumEventAgeInSeconds", maxEventAge.get(entry),
                    "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Map.of("Fn::GetAtt", List.of(queue, "Arn")))))));
        }
        // AND the queue is encrypted, refuses plain HTTP and keeps messages the longest SQS allows
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sqs:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void everyEventPatternsRule_should_beDeployedWithItsSharedPattern_when_itTargetsAFunction() {
        String queue = IamPolicyTest.logicalId(app, "AWS::SQS::Queue", "FailureQueue");
        for (EventPatterns rule : EventPatterns.patternRules()) {
            String alias = IamPolicyTest.logicalId(app, "AWS::Lambda::Alias",
                    DeployedFunction.constructId(rule.functionName()));
            // THEN the rule carries exactly the pattern the sandbox router applies (the alarm rule narrowed to the
            // configured alarms), and targets the alias
            Map<String, Object> pattern = new java.util.LinkedHashMap<String, Object>(rule.eventPatternAsMap().orElseThrow());
            if (rule == EventPatterns.RESTORE_ALARM) {
                pattern.put("resources", SynthesizedApp.RESTORE_ALARM_ARNS);
            }
            template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                    "Name", "AuroraGuard-" + rule.ruleName(),
                    "EventPattern", Match.exact(pattern),
                    "Targets", List.of(Match.objectLike(Map.of(
                            "Arn", Map.of("Ref", alias),
                            "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(queue, "Arn")))))))));
            // AND a rule for aurora-guard's own events lives on its bus, an AWS service's on the default bus
            Map<String, Object> properties = ruleProperties("AuroraGuard-" + rule.ruleName());
            if (rule.onAuroraGuardBus()) {
                assertThat(properties).containsEntry("EventBusName",
                        Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Events::EventBus", "EventBus")));
            } else {
                assertThat(properties).doesNotContainKey("EventBusName");
            }
        }
    }

    @Test
    void scheduleRules_should_useTheConfiguredSchedules_when_configured() {
        // THEN one rule per configured snapshot schedule, and the configured periodic check
        assertThat(ruleProperties("AuroraGuard-scheduled-snapshot-schedule")).containsEntry("ScheduleExpression", "cron(0 3 * * ? *)");
        assertThat(ruleProperties("AuroraGuard-scheduled-snapshot-schedule-2")).containsEntry("ScheduleExpression", "cron(0 15 * * ? *)");
        assertThat(ruleProperties("AuroraGuard-snapshot-available-periodic-check")).containsEntry("ScheduleExpression", "rate(30 minutes)");
        // AND every schedule rule of the shared definition is deployed
        for (EventPatterns rule : EventPatterns.scheduleRules()) {
            assertThat(ruleProperties("AuroraGuard-" + rule.ruleName())).containsKey("ScheduleExpression");
        }
    }

    @Test
    void alarms_should_watchEachFunctionsErrorsAndTheFailureQueue_when_deployed() {
        String topic = IamPolicyTest.logicalId(app, "AWS::SNS::Topic", "NotificationTopic");
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String function = IamPolicyTest.logicalId(app, "AWS::Lambda::Function", DeployedFunction.constructId(entry.functionName()));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "AuroraGuard-" + entry.functionName() + "-errors",
                    "Namespace", "AWS/Lambda",
                    "MetricName", "Errors",
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))),
                    "Statistic", "Sum",
                    "Threshold", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmActions", List.of(Map.of("Ref", topic)))));
        }
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt",
                        List.of(IamPolicyTest.logicalId(app, "AWS::SQS::Queue", "FailureQueue"), "QueueName")))),
                "Threshold", 1,
                "AlarmActions", List.of(Map.of("Ref", topic)))));
    }

    @Test
    void eventBus_should_acceptEventsOnlyFromThisAccountAndConfiguredPrincipals_when_deployed() {
        String bus = IamPolicyTest.logicalId(app, "AWS::Events::EventBus", "EventBus");
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "ops-aurora-guard"));
        // THEN exactly two policy statements: this account, and the configured account
        template.resourceCountIs("AWS::Events::EventBusPolicy", 2);
        template.hasResourceProperties("AWS::Events::EventBusPolicy", Match.objectLike(Map.of(
                "EventBusName", Map.of("Ref", bus),
                "Statement", Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Action", "events:PutEvents",
                        "Resource", Map.of("Fn::GetAtt", List.of(bus, "Arn")),
                        "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":iam::", Map.of("Ref", "AWS::AccountId"), ":root")))))))));
        List<String> principals = app.resources("AWS::Events::EventBusPolicy").values().stream()
                .map(p -> (Map<?, ?>) IamPolicyTest.properties(p).get("Statement"))
                .filter(statement -> "events:PutEvents".equals(statement.get("Action")))
                .map(statement -> IamStatements.render(((Map<?, ?>) statement.get("Principal")).get("AWS"))).toList();
        assertThat(principals).containsExactlyInAnyOrder("arn:${AWS::Partition}:iam::${AWS::AccountId}:root",
                "arn:${AWS::Partition}:iam::111122223333:root");
    }

    @Test
    void outcomes_should_reachPeopleThroughAnEncryptedTopic_when_published() {
        String topic = IamPolicyTest.logicalId(app, "AWS::SNS::Topic", "NotificationTopic");
        String key = IamPolicyTest.logicalId(app, "AWS::KMS::Key", "NotificationKey");
        // THEN a rule on our bus forwards every outcome detail-type of the schema to the topic
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventBusName", Map.of("Ref", IamPolicyTest.logicalId(app, "AWS::Events::EventBus", "EventBus")),
                "EventPattern", Map.of("source", List.of(OutcomeEventSchema.SOURCE), "detail-type", OutcomeEventSchema.DETAIL_TYPES),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", topic)))))));
        // AND the topic is encrypted with a rotated key CloudWatch and EventBridge may use, and refuses plain HTTP
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn")))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))),
                        Match.objectLike(Map.of("Principal", Map.of("Service", "events.amazonaws.com"))))))))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        // AND CloudWatch may publish for this stack's alarms only
        Map<String, Object> alarmArnPattern = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":cloudwatch:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":alarm:AuroraGuard-*")));
        Map<String, Object> alarmsPublish = Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action", "sns:Publish",
                "Condition", Map.of(
                        "ArnLike", Map.of("aws:SourceArn", alarmArnPattern),
                        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(alarmsPublish))))))));
        // AND the configured address is subscribed, undeliverable notifications going to the failure queue
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "email",
                "Endpoint", "oncall@example.com",
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt",
                        List.of(IamPolicyTest.logicalId(app, "AWS::SQS::Queue", "FailureQueue"), "Arn"))))));
    }

    @Test
    void outputs_should_nameEveryFunctionAliasBusAndTopic_when_deployed() {
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            String id = DeployedFunction.constructId(entry.functionName());
            template.hasOutput(id + "FunctionArn", Match.objectLike(Map.of("Value", Map.of("Fn::GetAtt",
                    List.of(IamPolicyTest.logicalId(app, "AWS::Lambda::Function", id), "Arn")))));
            template.hasOutput(id + "AliasArn", Match.objectLike(Map.of("Value", Map.of("Ref",
                    IamPolicyTest.logicalId(app, "AWS::Lambda::Alias", id)))));
            template.hasOutput(id + "LogGroupName", Match.anyValue());
        }
        template.hasOutput("EventBusName", Match.anyValue());
        template.hasOutput("EventBusArn", Match.anyValue());
        template.hasOutput("NotificationTopicArn", Match.objectLike(Map.of("Value", Map.of("Ref",
                IamPolicyTest.logicalId(app, "AWS::SNS::Topic", "NotificationTopic")))));
        template.hasOutput("FailureQueueUrl", Match.anyValue());
    }

    private static Map<String, Object> functionProperties(String functionName) {
        return app.resources("AWS::Lambda::Function").values().stream().map(IamPolicyTest::properties)
                .filter(p -> ("AuroraGuard-" + functionName).equals(p.get("FunctionName"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> ruleProperties(String ruleName) {
        return app.resources("AWS::Events::Rule").values().stream().map(IamPolicyTest::properties)
                .filter(p -> ruleName.equals(p.get("Name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no rule named " + ruleName));
    }
}
