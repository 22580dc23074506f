package dev.auroraguard.infra;

import dev.auroraguard.event.EventPatterns;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One catalog function as deployed: what every aurora-guard function shares (java21 on arm64, SnapStart
 * on published versions behind the {@value #ALIAS} alias, JSON logs in its own log group of finite
 * retention, a role of its own writing only to that log group, asynchronous retries ending in the
 * failure queue, an alarm on its errors) around what its {@link FunctionSpec} says.
 */
final class DeployedFunction extends Construct {

    /** Triggers invoke this alias, so each deployment switches them to the new SnapStart version at once. */
    static final String ALIAS = "live";
    /** Platform lines (START, END, REPORT) only when something is wrong; the functions log their own decisions. */
    static final SystemLogLevel SYSTEM_LOG_LEVEL = SystemLogLevel.WARN;
    /** EventBridge's maximum; the maximum event age is what actually bounds delivery attempts. */
    static final int DELIVERY_RETRIES = 185;
    /** The principal a CloudWatch alarm's Lambda action invokes as. */
    static final String ALARMS_PRINCIPAL = "lambda.alarms.cloudwatch.amazonaws.com";
    private static final String RUNTIME_REASON = "java21 is the runtime the functions are built (release 17 bytecode),"
            + " tested and SnapStart-tuned for; a newer runtime is a deliberate upgrade, not a synth-time default.";

    /**
     * What every function is deployed with.
     *
     * @param artifacts        the per-function jars (the functions module's, or a test's stand-ins): each function
     *                         is deployed from its own
     * @param auroraGuardBus   the bus rules not on the default bus live on
     * @param failureQueue     where events end after the last retry (and undeliverable rule targets)
     * @param alarmTopic       where alarms go
     * @param logRetentionDays retention of each function's log group
     * @param logLevel         the minimum application log level
     * @param namePrefix       prefixes function, rule and alarm names (the stack name)
     */
    record Shared(FunctionArtifacts artifacts, IEventBus auroraGuardBus, IQueue failureQueue, ITopic alarmTopic,
                  int logRetentionDays, String logLevel, String namePrefix) {
    }

    private final FunctionSpec spec;
    private final Function function;
    private final Alias alias;
    private final LogGroup logGroup;

    DeployedFunction(Construct scope, String id, FunctionSpec spec, Shared shared) {
        super(scope, id);
        this.spec = spec;
        String name = shared.namePrefix() + "-" + spec.function().functionName();

        // Unnamed, so a deployment after a removal does not collide with the retained group of the last one.
        this.logGroup = LogGroup.Builder.create(this, "LogGroup").removalPolicy(RemovalPolicy.RETAIN).build();
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(shared.logRetentionDays());

        // The basic execution managed policy would let the function write to any log group: this one writes to its own.
        RolePolicy policy = spec.policy();
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(new RolePolicy.Statement("WriteOwnLogGroup", Effect.ALLOW, List.of("logs:CreateLogStream",
                "logs:PutLogEvents"), List.of(IamResource.of(logGroup.getLogGroupArn())), Map.of()).toPolicyStatement());
        policy.statements().forEach(s -> statements.add(s.toPolicyStatement()));
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("aurora-guard " + spec.function().functionName() + ": least privilege for its own work")
                .inlinePolicies(Map.of("least-privilege", PolicyDocument.Builder.create().statements(statements).build()))
                .build();
        suppressExplainedWildcards(role, policy);

        this.function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description(spec.function().description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(spec.function().handler())
                .code(shared.artifacts().code(spec.function()))
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .role(role)
                .environment(spec.environment())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // A replaced version is deleted once the alias has moved on; the alias is all that is invoked.
                .currentVersionOptions(VersionOptions.builder().removalPolicy(RemovalPolicy.DESTROY).build())
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.valueOf(shared.logLevel()))
                .systemLogLevelV2(SYSTEM_LOG_LEVEL)
                .logGroup(logGroup)
                .reservedConcurrentExecutions(spec.reservedConcurrency().orElse(null))
                .build();
        NagSuppressions.addResourceSuppressions(function, List.of(
                suppression("Serverless-LambdaTracing", "X-Ray needs xray:PutTraceSegments on \"*\" (no resource-level"
                        + " permission), which this deployment keeps out of every role; each decision is a JSON log line"
                        + " with the request id instead."),
                suppression("Serverless-LambdaDLQ", "asynchronous failures go to the alias's on-failure destination (the"
                        + " encrypted failure queue), which keeps the request and the error; a DLQ would keep only the request."),
                suppression("Serverless-LambdaLatestVersion", RUNTIME_REASON),
                suppression("AwsSolutions-L1", RUNTIME_REASON)));
        // SnapStart applies to published versions: the alias below always points at the current one.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the function is invoked only through the '" + ALIAS + "' alias of its current published version");

        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .retryAttempts(spec.retryAttempts())
                .maxEventAge(Duration.seconds(spec.maxEventAge().toSeconds()))
                .onFailure(new SqsDestination(shared.failureQueue()))
                .build();

        // EventBridge retries a failed delivery (throttling, a service error) until the function's own event
        // age runs out, then puts the event in the failure queue: a trigger is never silently lost.
        LambdaFunction target = LambdaFunction.Builder.create(alias)
                .deadLetterQueue(shared.failureQueue())
                .retryAttempts(DELIVERY_RETRIES)
                .maxEventAge(Duration.seconds(spec.maxEventAge().toSeconds()))
                .build();
        for (Trigger trigger : spec.triggers()) {
            addRules(trigger, target, shared);
        }

        // A CloudWatch alarm's Lambda action invokes the alias itself, as the alarms service, for exactly that alarm.
        for (int i = 0; i < spec.invokingAlarms().size(); i++) {
            alias.addPermission("InvokedByAlarm" + (i + 1), Permission.builder()
                    .principal(new ServicePrincipal(ALARMS_PRINCIPAL))
                    .action("lambda:InvokeFunction")
                    .sourceArn(spec.invokingAlarms().get(i))
                    .sourceAccount(Stack.of(this).getAccount())
                    .build());
        }

        Alarm errorsAlarm = Alarm.Builder.create(this, "ErrorsAlarm")
                .alarmName(name + "-errors")
                .alarmDescription("aurora-guard " + spec.function().functionName() + " failed an invocation. Its log group"
                        + " has the ERROR lines (cluster, snapshot, reason); events that failed every retry are in the"
                        + " failure queue.")
                .metric(function.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        errorsAlarm.addAlarmAction(new SnsAction(shared.alarmTopic()));
        errorsAlarm.addOkAction(new SnsAction(shared.alarmTopic()));
    }

    private void addRules(Trigger trigger, LambdaFunction target, Shared shared) {
        EventPatterns rule = trigger.rule();
        String baseName = shared.namePrefix() + "-" + rule.ruleName();
        String baseId = constructId(rule.ruleName());
        if (rule.isSchedule()) {
            List<String> schedules = trigger.schedules();
            for (int i = 0; i < schedules.size(); i++) {
                String schedule = schedules.get(i);
                String suffix = i == 0 ? "" : "-" + (i + 1);
                boolean isDefault = rule.defaultSchedule().orElseThrow().equals(schedule);
                Rule.Builder.create(this, baseId + (i == 0 ? "" : String.valueOf(i + 1)))
                        .ruleName(baseName + suffix)
                        .description(isDefault ? rule.description()
                                : spec.function().functionName() + " on the configured schedule " + schedule + " (UTC)")
                        .schedule(Schedule.expression(schedule))
                        .targets(List.of(target))
                        .build();
            }
            return;
        }
        Rule.Builder builder = Rule.Builder.create(this, baseId)
                .ruleName(baseName)
                .description(rule.description())
                .eventPattern(eventPattern(rule, trigger.narrowing()))
                .targets(List.of(target));
        if (!EventPatterns.DEFAULT_BUS.equals(rule.eventBusName())) {
            builder.eventBus(shared.auroraGuardBus());
        }
        builder.build();
    }

    /** The shared pattern, key by key; a key the CDK's EventPattern cannot carry fails the synth, naming it. */
    @SuppressWarnings("unchecked")
    static EventPattern eventPattern(EventPatterns rule) {
        return eventPattern(rule, Map.of());
    }

    /** The shared pattern with {@code narrowing}'s top-level fields added (a field the pattern has is refused). */
    static EventPattern eventPattern(EventPatterns rule, Map<String, List<String>> narrowing) {
        Map<String, Object> pattern = new LinkedHashMap<>(rule.eventPatternAsMap().orElseThrow());
        for (Map.Entry<String, List<String>> field : narrowing.entrySet()) {
            if (pattern.putIfAbsent(field.getKey(), field.getValue()) != null) {
                throw new IllegalStateException("EventPatterns " + rule.ruleName() + " already matches on '" + field.getKey()
                        + "': narrowing it would replace the shared pattern");
            }
        }
        EventPattern.Builder builder = EventPattern.builder();
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            Object value = field.getValue();
            switch (field.getKey()) {
                case "source" -> builder.source(strings(rule, field.getKey(), value));
                case "detail-type" -> builder.detailType(strings(rule, field.getKey(), value));
                case "account" -> builder.account(strings(rule, field.getKey(), value));
                case "region" -> builder.region(strings(rule, field.getKey(), value));
                case "resources" -> builder.resources(strings(rule, field.getKey(), value));
                case "id" -> builder.id(strings(rule, field.getKey(), value));
                case "version" -> builder.version(strings(rule, field.getKey(), value));
                case "detail" -> builder.detail(new LinkedHashMap<>((Map<String, Object>) value));
                default -> throw new IllegalStateException("EventPatterns " + rule.ruleName() + " matches on '" + field.getKey()
                        + "', which the CDK app does not translate into a rule");
            }
        }
        return builder.build();
    }

    private static List<String> strings(EventPatterns rule, String key, Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalStateException("EventPatterns " + rule.ruleName() + ": '" + key
                + "' must be a list of exact values for the CDK app to deploy it");
    }

    private static void suppressExplainedWildcards(Role role, RolePolicy policy) {
        if (policy.wildcardReasons().isEmpty()) {
            return;
        }
        List<NagPackSuppression> suppressions = new ArrayList<>();
        policy.wildcardReasons().forEach((finding, reason) -> suppressions.add(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex(finding).build()))
                .build()));
        // This Serverless rule flags a role for any "*" resource and takes no appliesTo: it gets the reasons of
        // exactly the statements naming "*", and is only suppressed on roles that have one.
        String everything = IamResource.everything().nagFinding();
        if (policy.wildcardReasons().containsKey(everything)) {
            suppressions.add(suppression("Serverless-LambdaStarPermissions", policy.wildcardReasons().get(everything)));
        }
        NagSuppressions.addResourceSuppressions(role, suppressions, true);
    }

    private static NagPackSuppression suppression(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    /** {@code scheduled-snapshot} -> {@code ScheduledSnapshot}. */
    static String constructId(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    Function function() {
        return function;
    }

    Alias alias() {
        return alias;
    }

    LogGroup logGroup() {
        return logGroup;
    }
}
