package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every IAM statement of the synthesized app, walked: least privilege per function. */
class IamPolicyTest {

    private static final String ACCOUNT_ARN_PREFIX = "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:";
    private static final List<String> QUEUE_SEND = List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    private static final List<String> LOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("full", SynthesizedApp.FULL_CONTEXT),
                Arguments.of("explicit clusters", SynthesizedApp.EXPLICIT_CONTEXT),
                Arguments.of("repository cdk.json", SynthesizedApp.repositoryContext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void everyStatement_should_obeyTheIamRules_when_walkedInTheTemplate(String name, Map<String, Object> context) {
        // GIVEN every identity-policy statement of the app synthesized with this configuration
        List<IamStatements.Statement> statements = IamStatements.of(SynthesizedApp.with(context));

        // THEN there are some, and none breaks a rule
        assertThat(statements).hasSizeGreaterThan(10);
        assertThat(IamRules.violations(statements)).isEmpty();
    }

    @Test
    void iamRules_should_reportEachKindOfBreach_when_statementsBreakThem() {
        // GIVEN one statement per rule, each breaking it
        List<IamStatements.Statement> bad = List.of(
                statement("Star", List.of("*"), List.of("arn:aws:s3:::b"), Map.of()),
                statement("ServiceStar", List.of("rds:*"), List.of("arn:aws:rds:eu-west-1:1:cluster:x"), Map.of()),
                statement("StarResource", List.of("rds:ModifyDBCluster"), List.of("*"), Map.of()),
                statement("TypeWide", List.of("rds:StopDBCluster"), List.of("arn:aws:rds:eu-west-1:1:cluster:*"), Map.of()),
                statement("UntaggedDelete", List.of("rds:DeleteDBClusterSnapshot"),
                        List.of("arn:aws:rds:eu-west-1:1:cluster-snapshot:x-scheduled-*"), Map.of()),
                statement("WrongTagDelete", List.of("rds:DeleteDBClusterSnapshot"),
                        List.of("arn:aws:rds:eu-west-1:1:cluster-snapshot:x-scheduled-*"),
                        Map.of("StringEquals", Map.of("rds:cluster-snapshot-tag/owner", "true"))),
                statement("UntaggedCreate", List.of("rds:CreateDBClusterSnapshot"),
                        List.of("arn:aws:rds:eu-west-1:1:cluster:x"), Map.of()),
                statement("FreeTagging", List.of("rds:RemoveTagsFromResource"),
                        List.of("arn:aws:rds:eu-west-1:1:cluster-snapshot:x"), Map.of()));

        // WHEN the rules check them
        List<String> violations = IamRules.violations(bad);

        // THEN each is reported (the star action twice: it is also a wildcard of its service)
        assertThat(violations).anyMatch(v -> v.startsWith("wildcard action * "))
                .anyMatch(v -> v.startsWith("wildcard action rds:* "))
                .anyMatch(v -> v.startsWith("\"*\" resource on the mutating action rds:ModifyDBCluster"))
                .anyMatch(v -> v.startsWith("every resource of a type") && v.contains("rds:StopDBCluster"))
                .anyMatch(v -> v.startsWith("a delete without") && v.contains("UntaggedDelete"))
                .anyMatch(v -> v.startsWith("a delete without") && v.contains("WrongTagDelete"))
                .anyMatch(v -> v.startsWith("a snapshot creation without"))
                .anyMatch(v -> v.startsWith("tagging without a condition"));
        // AND read-only actions may name "*" (DescribeAccountAttributes has no resource type)
        assertThat(IamRules.violations(List.of(statement("Quota", List.of("rds:DescribeAccountAttributes"), List.of("*"),
                Map.of())))).isEmpty();
        // AND so may the CodePipeline job answers, which have no resource type, but no other action of the service
        assertThat(IamRules.violations(List.of(statement("Answer", List.of("codepipeline:PutJobSuccessResult",
                "codepipeline:PutJobFailureResult"), List.of("*"), Map.of())))).isEmpty();
        assertThat(IamRules.violations(List.of(statement("Other", List.of("codepipeline:StartPipelineExecution"),
                List.of("*"), Map.of())))).isNotEmpty();
    }

    @Test
    void roles_should_beOnePerFunctionWithoutManagedPolicies_when_synthesized() {
        SynthesizedApp app = SynthesizedApp.full();
        // GIVEN each function's role
        Set<Object> roles = new HashSet<>();
        app.resources("AWS::Lambda::Function").values().forEach(f -> roles.add(properties(f).get("Role")));

        // THEN no two functions share one, and no role has a managed policy (not even basic execution)
        assertThat(roles).hasSize(FunctionCatalog.values().length);
        assertThat(app.resources("AWS::IAM::Role").values()).allSatisfy(role ->
                assertThat(properties(role)).doesNotContainKey("ManagedPolicyArns"));
        assertThat(app.resources("AWS::IAM::ManagedPolicy")).isEmpty();
    }

    @Test
    void logs_should_beWrittenOnlyToTheFunctionsOwnLogGroup_when_anyRoleMayWriteLogs() {
        SynthesizedApp app = SynthesizedApp.full();
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            // GIVEN the function's role and log group
            String id = DeployedFunction.constructId(entry.functionName());
            String logGroup = logicalId(app, "AWS::Logs::LogGroup", id);

            // THEN its only logs statement names exactly that group, and no other service's log group
            List<IamStatements.Statement> logStatements = statementsOf(app, id).stream()
                    .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("logs:"))).toList();
            assertThat(logStatements).singleElement().satisfies(s -> {
                assertThat(s.actions()).containsExactlyInAnyOrderElementsOf(LOGS);
                assertThat(s.resources()).containsExactly("${" + logGroup + ".Arn}");
            });
        }
    }

    @Test
    void everyRole_should_describeOnlyItsOwnBus_when_primingForSnapStart() {
        SynthesizedApp app = SynthesizedApp.full();
        String bus = "${" + logicalId(app, "AWS::Events::EventBus", "EventBus") + ".Arn}";
        for (FunctionCatalog entry : FunctionCatalog.values()) {
            // GIVEN the function's role
            List<IamStatements.Statement> role = statementsOf(app, DeployedFunction.constructId(entry.functionName()));
            // THEN its priming statement is read-only and names the aurora-guard bus only
            IamStatements.Statement priming = bySid(role, "PrimeForSnapStart");
            assertThat(priming.actions()).containsExactly("events:DescribeEventBus");
            assertThat(priming.resources()).containsExactly(bus);
        }
    }

    @Test
    void scheduledSnapshotRole_should_grantOnlyItsWork_when_clustersAreListedAndTagged() {
        // GIVEN the full configuration: clusters orders-db and billing-db, and selection tag backup-tier=gold
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "ScheduledSnapshot");

        // THEN the role has exactly these actions
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "rds:DescribeDBClusters", "rds:DescribeDBClusterSnapshots", "rds:DescribeAccountAttributes",
                "rds:CreateDBClusterSnapshot", "rds:AddTagsToResource", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND creating needs our managed and kind tags, and no tag key of its own
        IamStatements.Statement create = bySid(role, "CreateTaggedSnapshots");
        assertThat(create.resources()).containsExactlyInAnyOrder(
                ACCOUNT_ARN_PREFIX + "cluster:orders-db", ACCOUNT_ARN_PREFIX + "cluster:billing-db",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-scheduled-*");
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:kind")).isEqualTo("scheduled");
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:managed")).isEqualTo("true");
        assertThat(create.condition("ForAllValues:StringEquals", "aws:TagKeys")).isEqualTo(List.of(
                "aurora-guard:managed", "aurora-guard:kind", "aurora-guard:trigger", "aurora-guard:slot"));
        // AND any other cluster only if it carries the selection tag
        IamStatements.Statement tagged = bySid(role, "SnapshotClustersSelectedByTag");
        assertThat(tagged.actions()).containsExactly("rds:CreateDBClusterSnapshot");
        assertThat(tagged.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster:*");
        assertThat(tagged.condition("StringEqualsIgnoreCase", "rds:cluster-tag/backup-tier")).isEqualTo("gold");
        assertThat(tagged.condition("StringEquals", "aws:RequestTag/aurora-guard:managed")).isEqualTo("true");
        // AND the tags of the create call are authorized on our snapshots only, with the same conditions
        IamStatements.Statement tagOnCreate = bySid(role, "TagOnCreate");
        assertThat(tagOnCreate.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-scheduled-*");
        assertThat(tagOnCreate.conditions()).isEqualTo(create.conditions());
        // AND outcomes go to our bus only; "*" only for the quota, which has no resource type
        assertThat(bySid(role, "PublishOutcomes").resources()).containsExactly("${" + logicalId(SynthesizedApp.full(),
                "AWS::Events::EventBus", "EventBus") + ".Arn}");
        assertThat(role.stream().filter(s -> s.resources().contains("*")).flatMap(s -> s.actions().stream()))
                .containsExactly("rds:DescribeAccountAttributes");
    }

    @Test
    void scheduledSnapshotRole_should_nameEachClusterAndItsSnapshotPrefix_when_clustersAreOnlyListed() {
        // GIVEN clusters listed explicitly, one longer than the namer's budget, no selection tag, tags copied
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.explicit(), "ScheduledSnapshot");

        // THEN no statement reaches every cluster
        assertThat(role).noneMatch(s -> s.resources().contains(ACCOUNT_ARN_PREFIX + "cluster:*"));
        assertThat(bySid(role, "DescribeClusters").resources()).containsExactlyInAnyOrder(
                ACCOUNT_ARN_PREFIX + "cluster:orders-db", ACCOUNT_ARN_PREFIX + "cluster:" + SynthesizedApp.LONG_CLUSTER);
        // AND the snapshot patterns match the identifiers SnapshotNamer gives each cluster, and only those
        IamStatements.Statement create = bySid(role, "CreateTaggedSnapshots");
        List<String> snapshotPatterns = create.resources().stream().filter(r -> r.contains(":cluster-snapshot:")).toList();
        assertThat(snapshotPatterns).hasSize(2);
        for (String cluster : List.of("orders-db", SynthesizedApp.LONG_CLUSTER)) {
            for (String time : List.of("2026-11-25T03:00:00Z", "2031-01-01T23:59:00Z")) {
                String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, ScheduledSlot.containing(Instant.parse(time)));
                assertThat(snapshotPatterns.stream().filter(p -> globMatches(p, ACCOUNT_ARN_PREFIX + "cluster-snapshot:" + id)))
                        .as("patterns matching %s", id).hasSize(1);
            }
        }
        assertThat(snapshotPatterns).noneMatch(p -> globMatches(p, ACCOUNT_ARN_PREFIX + "cluster-snapshot:orders-db-2-scheduled-20261125-0300"));
        // AND with cluster tags copied, the request may carry other tag keys, but still needs ours
        assertThat(create.condition("ForAllValues:StringEquals", "aws:TagKeys")).isNull();
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:managed")).isEqualTo("true");
        assertThat(role).noneMatch(s -> s.sid().equals("SnapshotClustersSelectedByTag"));
    }

    @Test
    void snapshotAvailableRole_should_onlyListTagManagedSnapshotsAndPublish_when_synthesized() {
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "SnapshotAvailable");

        // THEN the role has exactly these actions
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "rds:DescribeDBClusterSnapshots", "rds:AddTagsToResource", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND it writes only its two bookkeeping tags, only on managed snapshots named by aurora-guard
        IamStatements.Statement tags = bySid(role, "RecordAnnouncements");
        assertThat(tags.actions()).containsExactly("rds:AddTagsToResource");
        assertThat(tags.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-scheduled-*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-pre-deploy-*");
        assertThat(tags.condition("StringEquals", IamRules.MANAGED_TAG_CONDITION)).isEqualTo("true");
        assertThat(tags.condition("ForAllValues:StringEquals", "aws:TagKeys"))
                .isEqualTo(List.of("aurora-guard:available-seen", "aurora-guard:announced"));
        // AND it never creates, deletes or untags
        assertThat(actions(role)).doesNotContain("rds:CreateDBClusterSnapshot", "rds:DeleteDBClusterSnapshot",
                "rds:RemoveTagsFromResource");
    }

    @Test
    void snapshotCleanupRole_should_deleteOnlyManagedUnretainedSnapshotsAndNeverRetag_when_deletingIsOn() {
        // GIVEN the full configuration: cleanupDryRun=false
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "SnapshotCleanup");

        // THEN the role has exactly these actions
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "rds:DescribeDBClusters", "rds:DescribeDBClusterSnapshots", "rds:DeleteDBClusterSnapshot", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND it deletes only snapshots named by aurora-guard and tagged managed=true
        IamStatements.Statement delete = bySid(role, "DeleteManagedSnapshots");
        assertThat(delete.actions()).containsExactly("rds:DeleteDBClusterSnapshot");
        assertThat(delete.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-scheduled-*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-pre-deploy-*");
        assertThat(delete.condition("StringEquals", IamRules.MANAGED_TAG_CONDITION)).isEqualTo("true");
        // AND never one a person retained (any value of aurora-guard:retain but "false")
        IamStatements.Statement retained = bySid(role, "NeverDeleteRetainedSnapshots");
        assertThat(retained.effect()).isEqualTo("Deny");
        assertThat(retained.actions()).containsExactly("rds:DeleteDBClusterSnapshot");
        assertThat(retained.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster-snapshot:*");
        assertThat(retained.conditions()).isEqualTo(Map.of(
                "Null", Map.of("rds:cluster-snapshot-tag/aurora-guard:retain", "false"),
                "StringNotEqualsIgnoreCase", Map.of("rds:cluster-snapshot-tag/aurora-guard:retain", "false")));
        // AND it can neither add nor remove a tag, whatever else it is ever given
        IamStatements.Statement tags = bySid(role, "NeverChangeTags");
        assertThat(tags.effect()).isEqualTo("Deny");
        assertThat(tags.actions()).containsExactlyInAnyOrder("rds:AddTagsToResource", "rds:RemoveTagsFromResource");
        assertThat(tags.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster-snapshot:*");
        assertThat(tags.conditions()).isEmpty();
    }

    @Test
    void snapshotCleanupRole_should_haveNoDeletePermission_when_cleanupIsADryRun() {
        // GIVEN the repository's cdk.json: cleanupDryRun=true
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.repository(), "SnapshotCleanup");

        // THEN nothing in the role allows a delete: a dry run cannot delete even by mistake
        assertThat(actions(role)).doesNotContain("rds:DeleteDBClusterSnapshot").contains("rds:DescribeDBClusterSnapshots");
        assertThat(bySid(role, "NeverChangeTags").effect()).isEqualTo("Deny");
    }

    @Test
    void snapshotCleanupRole_should_nameEachClustersSnapshots_when_clustersAreOnlyListed() {
        // GIVEN clusters listed explicitly, no selection tag, deleting on
        Map<String, Object> context = new java.util.LinkedHashMap<>(SynthesizedApp.EXPLICIT_CONTEXT);
        context.put("cleanupDryRun", false);
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.with(context), "SnapshotCleanup");

        // THEN deletes are limited to those clusters' snapshot identifiers
        assertThat(bySid(role, "DeleteManagedSnapshots").resources()).containsExactlyInAnyOrder(
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:orders-db-scheduled-*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:" + RdsArns.identifierPrefix(SynthesizedApp.LONG_CLUSTER, SnapshotKind.SCHEDULED) + "*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:orders-db-pre-deploy-*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:" + RdsArns.identifierPrefix(SynthesizedApp.LONG_CLUSTER, SnapshotKind.PRE_DEPLOY) + "*");
        assertThat(bySid(role, "DescribeClusters").resources()).doesNotContain(ACCOUNT_ARN_PREFIX + "cluster:*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void preDeploySnapshotRole_should_answerPipelinesAndCreateOnlyTaggedPreDeploySnapshots_when_synthesized() {
        // GIVEN the full configuration (clusters listed and selected by tag)
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "PreDeploySnapshot");

        // THEN the role has exactly these actions
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult",
                "rds:DescribeDBClusters", "rds:DescribeDBClusterSnapshots",
                "rds:CreateDBClusterSnapshot", "rds:AddTagsToResource", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND the job answers name "*" (they have no resource type) and nothing else does
        IamStatements.Statement answers = bySid(role, "AnswerPipelineJobs");
        assertThat(answers.resources()).containsExactly("*");
        assertThat(role.stream().filter(s -> s != answers && s.resources().contains("*"))).isEmpty();
        // AND it creates pre-deploy snapshots only, tagged as such, with its own tag keys only
        IamStatements.Statement create = bySid(role, "CreateTaggedSnapshots");
        assertThat(create.resources()).containsExactlyInAnyOrder(
                ACCOUNT_ARN_PREFIX + "cluster:orders-db", ACCOUNT_ARN_PREFIX + "cluster:billing-db",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:*-pre-deploy-*");
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:kind")).isEqualTo("pre-deploy");
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:managed")).isEqualTo("true");
        assertThat((List<Object>) create.condition("ForAllValues:StringEquals", "aws:TagKeys")).contains(
                "aurora-guard:managed", "aurora-guard:kind", "aurora-guard:trigger");
        assertThat(bySid(role, "TagOnCreate").conditions()).isEqualTo(create.conditions());
        assertThat(bySid(role, "SnapshotClustersSelectedByTag").condition("StringEqualsIgnoreCase",
                "rds:cluster-tag/backup-tier")).isEqualTo("gold");
    }

    @Test
    void preDeploySnapshotRole_should_nameEachClustersPreDeploySnapshots_when_clustersAreOnlyListed() {
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.explicit(), "PreDeploySnapshot");
        // THEN the identifiers SnapshotNamer gives those clusters' pre-deploy snapshots (a long one shortened)
        String longId = SnapshotNamer.preDeploySnapshotId(SynthesizedApp.LONG_CLUSTER, "a pipeline job");
        List<String> snapshots = bySid(role, "CreateTaggedSnapshots").resources().stream()
                .filter(r -> r.contains("cluster-snapshot:")).toList();
        assertThat(snapshots).containsExactlyInAnyOrder(ACCOUNT_ARN_PREFIX + "cluster-snapshot:orders-db-pre-deploy-*",
                ACCOUNT_ARN_PREFIX + "cluster-snapshot:" + RdsArns.identifierPrefix(SynthesizedApp.LONG_CLUSTER, SnapshotKind.PRE_DEPLOY) + "*");
        assertThat(snapshots).anyMatch(glob -> globMatches(glob, ACCOUNT_ARN_PREFIX + "cluster-snapshot:" + longId));
    }

    @Test
    void pointInTimeRestoreRole_should_restoreOnlyIntoTaggedNamedClusters_when_synthesized() {
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "PointInTimeRestore");

        // THEN the role has exactly these actions: no instance creation, no deletion, no SSM
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "rds:DescribeDBClusters", "rds:DescribeDBInstances", "rds:DescribeDBClusterSnapshots",
                "rds:RestoreDBClusterToPointInTime", "rds:RestoreDBClusterFromSnapshot", "rds:AddTagsToResource",
                "kms:CreateGrant", "kms:DescribeKey", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND a restore creates only clusters RestoreNamer names, tagged aurora-guard's restore
        IamStatements.Statement into = bySid(role, "RestoreIntoNamedClusters");
        assertThat(into.resources()).contains(ACCOUNT_ARN_PREFIX + "cluster:*-pitr-*", ACCOUNT_ARN_PREFIX + "cluster:*-snap-*")
                .doesNotContain(ACCOUNT_ARN_PREFIX + "cluster:*");
        assertThat(into.condition("StringEquals", "aws:RequestTag/aurora-guard:managed")).isEqualTo("true");
        assertThat(into.condition("StringEquals", "aws:RequestTag/aurora-guard:kind")).isEqualTo("restore");
        // AND its sources are the listed clusters, or any cluster carrying the selection tag
        assertThat(bySid(role, "RestoreFromProtectedClusters").resources()).contains(
                ACCOUNT_ARN_PREFIX + "cluster:orders-db", ACCOUNT_ARN_PREFIX + "cluster:billing-db");
        IamStatements.Statement byTag = bySid(role, "RestoreClustersSelectedByTag");
        assertThat(byTag.resources()).containsExactly(ACCOUNT_ARN_PREFIX + "cluster:*");
        assertThat(byTag.condition("StringEqualsIgnoreCase", "rds:cluster-tag/backup-tier")).isEqualTo("gold");
        assertThat(byTag.condition("StringEquals", "aws:RequestTag/aurora-guard:kind")).isEqualTo("restore");
        // AND the source's key is usable only through RDS, for grants to AWS resources
        IamStatements.Statement kms = bySid(role, "UseSourceKeysThroughRds");
        assertThat(kms.resources()).containsExactly("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*");
        assertThat(kms.condition("StringEquals", "kms:ViaService")).isNotNull();
        assertThat(kms.condition("Bool", "kms:GrantIsForAWSResource")).isEqualTo("true");
        // AND tags only go on restored clusters, with the restore's tags in the request
        assertThat(bySid(role, "TagOnRestore").resources()).containsExactlyInAnyOrder(
                ACCOUNT_ARN_PREFIX + "cluster:*-pitr-*", ACCOUNT_ARN_PREFIX + "cluster:*-snap-*");
    }

    @Test
    void restoreProgressRole_should_createInstancesOnlyInRestoredClustersAndWriteOnlyTheCutoverParameter_when_synthesized() {
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.full(), "RestoreProgress");

        // THEN the role has exactly these actions: it never restores
        assertThat(actions(role)).containsExactlyInAnyOrderElementsOf(concat(LOGS, QUEUE_SEND, List.of(
                "rds:DescribeDBClusters", "rds:DescribeDBInstances", "rds:DescribeDBClusterSnapshots",
                "rds:CreateDBInstance", "rds:AddTagsToResource", "ssm:GetParameter", "ssm:PutParameter", "events:PutEvents",
                "events:DescribeEventBus")));
        // AND instances are created only in (and named after) restored clusters, tagged aurora-guard's restore
        IamStatements.Statement create = bySid(role, "CreateInstancesInRestoredClusters");
        assertThat(create.resources()).contains(ACCOUNT_ARN_PREFIX + "db:*-pitr-*", ACCOUNT_ARN_PREFIX + "cluster:*-pitr-*")
                .doesNotContain(ACCOUNT_ARN_PREFIX + "db:*", ACCOUNT_ARN_PREFIX + "cluster:*");
        assertThat(create.condition("StringEquals", "aws:RequestTag/aurora-guard:kind")).isEqualTo("restore");
        // AND it writes only aurora-guard's tag keys, only on restored clusters and instances
        IamStatements.Statement tags = bySid(role, "TagRestores");
        assertThat(tags.resources()).allMatch(r -> r.contains("-pitr-") || r.contains("-snap-"));
        assertThat(tags.condition("ForAllValues:StringLike", "aws:TagKeys")).isEqualTo(List.of("aurora-guard:*"));
        // AND the cutover reads and writes the configured parameter, nothing else
        assertThat(bySid(role, "PointApplicationAtRestore").resources()).containsExactly(
                "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/aurora-guard/orders-db/endpoint");
    }

    @Test
    void restoreProgressRole_should_haveNoSsmPermission_when_noCutoverParameterIsConfigured() {
        // GIVEN a configuration without restoreCutoverParameter
        List<IamStatements.Statement> role = statementsOf(SynthesizedApp.explicit(), "RestoreProgress");
        // THEN it cannot touch any parameter
        assertThat(actions(role)).noneMatch(a -> a.startsWith("ssm:"));
    }

    private static boolean globMatches(String glob, String text) {
        String regex = Stream.of(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return text.matches(regex);
    }

    private static IamStatements.Statement statement(String sid, List<String> actions, List<String> resources,
                                                     Map<String, Map<String, Object>> conditions) {
        return new IamStatements.Statement("Role", "Role", sid, "Allow", actions, resources, conditions);
    }

    /** Statements applying to the role of the function whose construct id is {@code functionId}. */
    static List<IamStatements.Statement> statementsOf(SynthesizedApp app, String functionId) {
        String role = logicalId(app, "AWS::IAM::Role", functionId);
        return IamStatements.of(app).stream().filter(s -> s.owner().equals(role)).toList();
    }

    /** The logical id of the one resource of {@code type} whose id starts with {@code prefix}. */
    static String logicalId(SynthesizedApp app, String type, String prefix) {
        List<String> ids = app.resources(type).keySet().stream().filter(id -> id.startsWith(prefix)).toList();
        assertThat(ids).as("%s resources named %s*", type, prefix).hasSize(1);
        return ids.get(0);
    }

    private static IamStatements.Statement bySid(List<IamStatements.Statement> statements, String sid) {
        List<IamStatements.Statement> found = statements.stream().filter(s -> s.sid().equals(sid)).toList();
        assertThat(found).as("statement %s", sid).hasSize(1);
        return found.get(0);
    }

    private static Set<String> actions(List<IamStatements.Statement> statements) {
        return statements.stream().filter(IamStatements.Statement::allows).flatMap(s -> s.actions().stream())
                .collect(Collectors.toSet());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
