package dev.auroraguard.infra;

import dev.auroraguard.config.ConfigException;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.PreDeploySnapshotSettings;
import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.TagSelector;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The deployment of every catalog function: its environment (from configuration), its role's statements,
 * its triggers, timeout and retry policy. A new {@link FunctionCatalog} entry fails to compile here until
 * it has a definition (the switch in {@link #of} is exhaustive); nothing else needs to change.
 *
 * <p>IAM facts used below (Service Authorization Reference, "Actions, resources, and condition keys for
 * Amazon RDS"):
 * <ul>
 *   <li>{@code rds:CreateDBClusterSnapshot}: resources {@code cluster*} and {@code cluster-snapshot*};
 *       condition keys {@code aws:RequestTag/${TagKey}}, {@code aws:TagKeys}; dependent action
 *       {@code rds:AddTagsToResource} (tags given in the create call are authorized as a tagging call).</li>
 *   <li>{@code rds:DeleteDBClusterSnapshot}: resource {@code cluster-snapshot*}, whose resource condition
 *       keys are {@code aws:ResourceTag/${TagKey}} and {@code rds:cluster-snapshot-tag/${TagKey}}.</li>
 *   <li>{@code rds:AddTagsToResource}: resource {@code cluster-snapshot} (among others); condition keys
 *       {@code aws:RequestTag/${TagKey}}, {@code aws:TagKeys}.</li>
 *   <li>{@code rds:DescribeDBClusters}: resource {@code cluster*}; {@code rds:DescribeDBClusterSnapshots}:
 *       resources {@code cluster}, {@code cluster-snapshot} (optional): a listing without an identifier is
 *       authorized against {@code cluster:*} / {@code cluster-snapshot:*}.</li>
 *   <li>{@code rds:DescribeAccountAttributes}: no resource type, so only {@code "*"} can name it.</li>
 *   <li>{@code rds:cluster-tag/${TagKey}}: the resource condition key of the {@code cluster} type.</li>
 * </ul>
 */
final class FunctionDefinitions {

    static final String REQUEST_TAG = "aws:RequestTag/";
    static final String TAG_KEYS = "aws:TagKeys";
    static final String CLUSTER_TAG = "rds:cluster-tag/";
    static final String CLUSTER_SNAPSHOT_TAG = "rds:cluster-snapshot-tag/";

    private static final String DESCRIBE_CLUSTERS = "rds:DescribeDBClusters";
    private static final String DESCRIBE_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";
    private static final String DESCRIBE_ACCOUNT_ATTRIBUTES = "rds:DescribeAccountAttributes";
    private static final String CREATE_SNAPSHOT = "rds:CreateDBClusterSnapshot";
    private static final String ADD_TAGS = "rds:AddTagsToResource";
    private static final String REMOVE_TAGS = "rds:RemoveTagsFromResource";
    private static final String DELETE_SNAPSHOT = "rds:DeleteDBClusterSnapshot";
    private static final String PUT_EVENTS = "events:PutEvents";
    /** Read-only: the SnapStart priming call of every function's EventBridge client (see SnapStartPriming). */
    private static final String DESCRIBE_EVENT_BUS = "events:DescribeEventBus";
    private static final String PUT_JOB_SUCCESS = "codepipeline:PutJobSuccessResult";
    private static final String PUT_JOB_FAILURE = "codepipeline:PutJobFailureResult";

    private static final String DESCRIBE_INSTANCES = "rds:DescribeDBInstances";
    private static final String RESTORE_TO_POINT_IN_TIME = "rds:RestoreDBClusterToPointInTime";
    private static final String RESTORE_FROM_SNAPSHOT = "rds:RestoreDBClusterFromSnapshot";
    private static final String CREATE_INSTANCE = "rds:CreateDBInstance";

    private final AuroraGuardSettings settings;
    private final RdsArns arns;
    private final AccountArns accountArns;
    private final IamResource eventBus;

    FunctionDefinitions(AuroraGuardSettings settings, RdsArns arns, AccountArns accountArns, IamResource eventBus) {
        this.settings = settings;
        this.arns = arns;
        this.accountArns = accountArns;
        this.eventBus = eventBus;
    }

    FunctionSpec of(FunctionCatalog function) {
        return switch (function) {
            case SCHEDULED_SNAPSHOT -> scheduledSnapshot();
            case SNAPSHOT_AVAILABLE -> snapshotAvailable();
            case SNAPSHOT_CLEANUP -> snapshotCleanup();
            case PRE_DEPLOY_SNAPSHOT -> preDeploySnapshot();
            case POINT_IN_TIME_RESTORE -> pointInTimeRestore();
            case RESTORE_PROGRESS -> restoreProgress();
        };
    }

    /**
     * Takes a rollback point of one protected cluster before a release, for a CodePipeline Lambda invoke
     * action (invoked by the pipeline, no rule) or a CI's request on the aurora-guard bus. An invocation
     * starts the snapshot or checks on it and returns (CodePipeline calls again with a continuation token),
     * so two minutes is ample. A retried request names the same snapshot; an event older than an hour
     * belongs to a release that has moved on.
     */
    private FunctionSpec preDeploySnapshot() {
        FunctionCatalog function = FunctionCatalog.PRE_DEPLOY_SNAPSHOT;
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        Map<String, String> environment = selectionEnvironment();
        environment.put(PreDeploySnapshotSettings.MAX_WAIT, PreDeploySnapshotSettings.DEFAULT_MAX_WAIT.toString());
        environment.put(ScheduledSnapshotSettings.COPY_CLUSTER_TAGS, Boolean.toString(snapshots.copyClusterTags()));
        environment.put(ScheduledSnapshotSettings.EVENT_BUS_NAME, settings.eventBusName());
        checkEnvironment(function, environment, PreDeploySnapshotSettings::fromEnvironment);

        SnapshotKind kind = SnapshotKind.PRE_DEPLOY;
        List<IamResource> ownSnapshots = arns.snapshotsOf(kind, namedClusters());
        Map<String, Map<String, Object>> ourTagsOnly = createTagConditions(kind, snapshots.copyClusterTags());

        RolePolicy policy = new RolePolicy();
        policy.allowWildcard("AnswerPipelineJobs", List.of(PUT_JOB_SUCCESS, PUT_JOB_FAILURE), List.of(IamResource.everything()),
                Map.of(), "codepipeline:PutJobSuccessResult and PutJobFailureResult support no resource-level permission;"
                        + " they only answer the job the pipeline gave this function");
        describeSelectedClusters(policy);
        policy.allowWildcard("DescribeOwnSnapshots", List.of(DESCRIBE_SNAPSHOTS), ownSnapshots, Map.of(),
                "read-only: asks whether the request's snapshot exists and waits for it; limited to identifiers SnapshotNamer gives");
        List<IamResource> createResources = new ArrayList<>(arns.clusters(snapshots.clusters()));
        createResources.addAll(ownSnapshots);
        policy.allowWildcard("CreateTaggedSnapshots", List.of(CREATE_SNAPSHOT), createResources, ourTagsOnly,
                "snapshot identifiers are chosen per request (<cluster>-pre-deploy-<digest>): the pattern is the naming"
                        + " scheme, and the request must carry aurora-guard's managed and kind tags");
        snapshots.selectionTag().ifPresent(selector -> {
            Map<String, Map<String, Object>> taggedCluster = new LinkedHashMap<>(ourTagsOnly);
            taggedCluster.put("StringEqualsIgnoreCase", Map.of(CLUSTER_TAG + selector.key(), selector.value()));
            policy.allowWildcard("SnapshotClustersSelectedByTag", List.of(CREATE_SNAPSHOT), List.of(arns.anyCluster()),
                    taggedCluster, "protected clusters are selected by tag: any cluster, but only one carrying the selection tag "
                            + selector + " (condition " + CLUSTER_TAG + selector.key() + ")");
        });
        policy.allowWildcard("TagOnCreate", List.of(ADD_TAGS), ownSnapshots, ourTagsOnly,
                "RDS authorizes the tags of CreateDBClusterSnapshot as AddTagsToResource on the new snapshot; same"
                        + " naming-scheme pattern and tag conditions as the create");
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        List<Trigger> triggers = List.of(Trigger.pattern(EventPatterns.PRE_DEPLOY_SNAPSHOT_REQUEST));
        return new FunctionSpec(function, Duration.ofMinutes(2), 1024, Optional.empty(), 2, Duration.ofHours(1),
                environment, policy, triggers);
    }

    /**
     * Validates a restore request (or an alarm) and starts the restore into a new cluster: a few describes and
     * one restore call, so two minutes. Reserved concurrency 1: two alarms firing together must not race past
     * the cooldown. The target's name is deterministic, so a retry finds its own restore; but a restore asked
     * for at 03:00 must not start hours later, when someone may have fixed things by hand: 15 minutes of event
     * age at most.
     */
    private FunctionSpec pointInTimeRestore() {
        FunctionCatalog function = FunctionCatalog.POINT_IN_TIME_RESTORE;
        Map<String, String> environment = restoreEnvironment();
        checkEnvironment(function, environment, RestoreSettings::fromEnvironment);

        RolePolicy policy = new RolePolicy();
        describeForRestores(policy);
        Map<String, Map<String, Object>> restoreTags = restoreRequestTags();
        List<IamResource> targets = new ArrayList<>(arns.restoredClusters());
        targets.add(arns.anySubnetGroup());
        targets.add(arns.anyClusterParameterGroup());
        policy.allowWildcard("RestoreIntoNamedClusters", List.of(RESTORE_TO_POINT_IN_TIME, RESTORE_FROM_SNAPSHOT), targets,
                restoreTags, "the new cluster's identifier is chosen per restore (<source>-pitr-<time>, <source>-snap-<time>:"
                        + " RestoreNamer's scheme), and the restore reuses the source's subnet group and cluster parameter"
                        + " group (resources of the call); the request must tag the cluster aurora-guard's (managed, kind=restore)");
        restoreSources(policy, restoreTags);
        policy.allowWildcard("TagOnRestore", List.of(ADD_TAGS), arns.restoredClusters(), restoreTags,
                "RDS authorizes the tags of the restore call as AddTagsToResource on the new cluster; same naming"
                        + " pattern and request-tag conditions as the restore");
        Map<String, Map<String, Object>> viaRds = new LinkedHashMap<>();
        viaRds.put("StringEquals", Map.of("kms:ViaService", accountArns.rdsService()));
        viaRds.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        policy.allowWildcard("UseSourceKeysThroughRds", List.of("kms:CreateGrant", "kms:DescribeKey"),
                List.of(accountArns.anyKey()), viaRds, "an encrypted source is restored with its own KMS key, known only at"
                        + " run time (the configuration names no keys): any key of the account, but only through RDS in this"
                        + " region (kms:ViaService) and only for grants to an AWS resource");
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        List<String> alarmArns = settings.restore().alarms().stream()
                .map(a -> accountArns.alarm(a.alarm())).distinct().toList();
        Trigger onAlarm = alarmArns.isEmpty() ? Trigger.pattern(EventPatterns.RESTORE_ALARM)
                : Trigger.narrowedPattern(EventPatterns.RESTORE_ALARM, Map.of("resources", alarmArns));
        List<Trigger> triggers = List.of(Trigger.pattern(EventPatterns.RESTORE_REQUESTED), onAlarm);
        return new FunctionSpec(function, Duration.ofMinutes(2), 1024, Optional.of(1), 2, Duration.ofMinutes(15),
                environment, policy, triggers, alarmArns);
    }

    /**
     * Moves restores on: creates the restored cluster's instances, tags the outcome, and on request (or on
     * completion) writes the restored writer endpoint into the application's SSM parameter. Each step is
     * keyed by the restore's deterministic names, so retries are safe; the sweep recurs every five minutes,
     * so an event older than an hour is better dropped than delivered late.
     */
    private FunctionSpec restoreProgress() {
        FunctionCatalog function = FunctionCatalog.RESTORE_PROGRESS;
        Map<String, String> environment = restoreEnvironment();
        checkEnvironment(function, environment, RestoreSettings::fromEnvironment);

        RolePolicy policy = new RolePolicy();
        describeForRestores(policy);
        List<IamResource> instanceResources = new ArrayList<>(arns.restoredInstances());
        instanceResources.addAll(arns.restoredClusters());
        instanceResources.add(arns.anyParameterGroup());
        policy.allowWildcard("CreateInstancesInRestoredClusters", List.of(CREATE_INSTANCE), instanceResources,
                restoreRequestTags(),
                "instances are created only in clusters RestoreNamer names (<source>-pitr-*, <source>-snap-*), as"
                        + " <cluster>-<n>, with the source instance's parameter group, tagged aurora-guard's (managed, kind=restore)");
        List<IamResource> restored = new ArrayList<>(arns.restoredClusters());
        restored.addAll(arns.restoredInstances());
        policy.allowWildcard("TagRestores", List.of(ADD_TAGS), restored,
                Map.of("ForAllValues:StringLike", Map.of(TAG_KEYS, List.of(TagScheme.PREFIX + "*"))),
                "records a restore's progress and outcome on the restored cluster and its instances (RestoreNamer's"
                        + " names), with aurora-guard's own tag keys only");
        settings.restore().cutoverParameter().ifPresent(parameter -> policy.allow("PointApplicationAtRestore",
                List.of("ssm:GetParameter", "ssm:PutParameter"), List.of(accountArns.parameter(parameter))));
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        List<Trigger> triggers = List.of(
                Trigger.pattern(EventPatterns.RESTORE_PROGRESS_RDS_EVENT),
                Trigger.schedule(EventPatterns.RESTORE_PROGRESS_SWEEP,
                        List.of(EventPatterns.RESTORE_PROGRESS_SWEEP.defaultSchedule().orElseThrow())),
                Trigger.pattern(EventPatterns.RESTORE_CUTOVER_REQUESTED));
        return new FunctionSpec(function, Duration.ofMinutes(5), 1024, Optional.empty(), 2, Duration.ofHours(1),
                environment, policy, triggers);
    }

    /** What both restore functions read (RestoreSettings), from the restore context keys. */
    private Map<String, String> restoreEnvironment() {
        AuroraGuardSettings.Restore restore = settings.restore();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!restore.alarms().isEmpty()) {
            // The function matches alarm names (the event's alarmName); a configured ARN contributes its name.
            environment.put(RestoreSettings.ALARMS, String.join(",", restore.alarms().stream()
                    .map(a -> alarmName(a.alarm()) + a.clusterId().map(c -> "=" + c).orElse("")).toList()));
        }
        restore.safetyMargin().ifPresent(d -> environment.put(RestoreSettings.ALARM_SAFETY_MARGIN, d.toString()));
        restore.cooldown().ifPresent(d -> environment.put(RestoreSettings.ALARM_COOLDOWN, d.toString()));
        restore.readerCount().ifPresent(n -> environment.put(RestoreSettings.READERS, n.toString()));
        restore.cutoverParameter().ifPresent(p -> environment.put(RestoreSettings.CUTOVER_PARAMETER, p));
        environment.put(ScheduledSnapshotSettings.EVENT_BUS_NAME, settings.eventBusName());
        return environment;
    }

    private static String alarmName(String alarm) {
        int marker = alarm.indexOf(":alarm:");
        return alarm.startsWith("arn:") && marker >= 0 ? alarm.substring(marker + ":alarm:".length()) : alarm;
    }

    private void describeForRestores(RolePolicy policy) {
        policy.allowWildcard("DescribeRestores", List.of(DESCRIBE_CLUSTERS, DESCRIBE_INSTANCES, DESCRIBE_SNAPSHOTS),
                List.of(arns.anyCluster(), arns.anyInstance(), arns.anySnapshot()), Map.of(),
                "read-only: a restore reads its source (cluster, instances, snapshots) and finds restores in flight by"
                        + " listing clusters; the source comes from a request or an alarm at run time");
    }

    private static Map<String, Map<String, Object>> restoreRequestTags() {
        return Map.of("StringEquals", Map.of(
                REQUEST_TAG + TagScheme.MANAGED, TagScheme.TRUE,
                REQUEST_TAG + TagScheme.KIND, TagScheme.KIND_RESTORE));
    }

    /** The protected clusters (and any snapshot) as the source of a restore, under the same request tags. */
    private void restoreSources(RolePolicy policy, Map<String, Map<String, Object>> restoreTags) {
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        List<IamResource> sources = new ArrayList<>(arns.clusters(snapshots.clusters()));
        sources.add(arns.anySnapshot());
        policy.allowWildcard("RestoreFromProtectedClusters", List.of(RESTORE_TO_POINT_IN_TIME, RESTORE_FROM_SNAPSHOT),
                sources, restoreTags, "a snapshot restore may start from any cluster snapshot (automated rds:* ones"
                        + " included, named at run time); the request must tag the new cluster aurora-guard's");
        snapshots.selectionTag().ifPresent(selector -> {
            Map<String, Map<String, Object>> tagged = new LinkedHashMap<>(restoreTags);
            tagged.put("StringEqualsIgnoreCase", Map.of(CLUSTER_TAG + selector.key(), selector.value()));
            policy.allowWildcard("RestoreClustersSelectedByTag", List.of(RESTORE_TO_POINT_IN_TIME), List.of(arns.anyCluster()),
                    tagged, "protected clusters are selected by tag: any cluster, but only one carrying " + selector);
        });
    }

    /**
     * Takes one snapshot per selected cluster per slot. Each cluster costs a describe and a create (SDK
     * retries included, 60 s at worst per call), so 5 minutes covers dozens of clusters; a retry after a
     * failure reuses the slot's identifiers, so two retries are safe and an hour of event age is plenty
     * for a once-a-day job.
     */
    private FunctionSpec scheduledSnapshot() {
        FunctionCatalog function = FunctionCatalog.SCHEDULED_SNAPSHOT;
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        Map<String, String> environment = selectionEnvironment();
        environment.put(ScheduledSnapshotSettings.COPY_CLUSTER_TAGS, Boolean.toString(snapshots.copyClusterTags()));
        environment.put(ScheduledSnapshotSettings.ON_CLUSTER_UNAVAILABLE, snapshots.onClusterUnavailable().toString());
        environment.put(ScheduledSnapshotSettings.QUOTA_WARNING_SHARE, Double.toString(snapshots.quotaWarningShare()));
        environment.put(ScheduledSnapshotSettings.EVENT_BUS_NAME, settings.eventBusName());
        checkEnvironment(function, environment, ScheduledSnapshotSettings::fromEnvironment);

        SnapshotKind kind = SnapshotKind.SCHEDULED;
        Optional<TagSelector> byTag = snapshots.selectionTag();
        List<IamResource> ownSnapshots = arns.snapshotsOf(kind, namedClusters());
        Map<String, Map<String, Object>> ourTagsOnly = createTagConditions(kind, snapshots.copyClusterTags());

        RolePolicy policy = new RolePolicy();
        describeSelectedClusters(policy);
        policy.allowWildcard("DescribeOwnSnapshots", List.of(DESCRIBE_SNAPSHOTS), ownSnapshots, Map.of(),
                "read-only: asks whether the slot's snapshot already exists; limited to identifiers SnapshotNamer gives");
        policy.allowWildcard("ReadSnapshotQuota", List.of(DESCRIBE_ACCOUNT_ATTRIBUTES), List.of(IamResource.everything()),
                Map.of(), "read-only: DescribeAccountAttributes (manual snapshot quota) supports no resource-level permission");

        List<IamResource> createResources = new ArrayList<>(arns.clusters(snapshots.clusters()));
        createResources.addAll(ownSnapshots);
        policy.allowWildcard("CreateTaggedSnapshots", List.of(CREATE_SNAPSHOT), createResources, ourTagsOnly,
                "snapshot identifiers are chosen at run time (<cluster>-scheduled-<slot>): the pattern is the naming"
                        + " scheme, and the request must carry aurora-guard's managed and kind tags");
        byTag.ifPresent(selector -> {
            Map<String, Map<String, Object>> taggedCluster = new LinkedHashMap<>(ourTagsOnly);
            // The function matches the value ignoring case (a cluster tagged "True" is not silently skipped).
            taggedCluster.put("StringEqualsIgnoreCase", Map.of(CLUSTER_TAG + selector.key(), selector.value()));
            policy.allowWildcard("SnapshotClustersSelectedByTag", List.of(CREATE_SNAPSHOT), List.of(arns.anyCluster()),
                    taggedCluster, "clusters are selected by tag at run time: any cluster, but only one carrying the selection tag "
                            + selector + " (condition " + CLUSTER_TAG + selector.key() + ")");
        });
        policy.allowWildcard("TagOnCreate", List.of(ADD_TAGS), ownSnapshots, ourTagsOnly,
                "RDS authorizes the tags of CreateDBClusterSnapshot as AddTagsToResource on the new snapshot; same"
                        + " naming-scheme pattern and tag conditions as the create");
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        List<Trigger> triggers = List.of(Trigger.schedule(EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE, snapshots.schedules()));
        return new FunctionSpec(function, Duration.ofMinutes(5), 1024, Optional.empty(), 2, Duration.ofHours(1),
                environment, policy, triggers);
    }

    /**
     * Announces snapshots that became available, on RDS's event and from a periodic sweep. A sweep lists
     * the manual snapshots of the lookback window and tags/announces a few: two minutes is ample. The sweep
     * recurs every few minutes and covers what a lost invocation would have announced, so an event older
     * than half an hour is better dropped than delivered late.
     */
    private FunctionSpec snapshotAvailable() {
        FunctionCatalog function = FunctionCatalog.SNAPSHOT_AVAILABLE;
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(SnapshotAvailableSettings.LOOKBACK, snapshots.availableLookback().toString());
        environment.put(SnapshotAvailableSettings.GRACE, snapshots.availableGrace().toString());
        environment.put(ScheduledSnapshotSettings.EVENT_BUS_NAME, settings.eventBusName());
        checkEnvironment(function, environment, SnapshotAvailableSettings::fromEnvironment);

        RolePolicy policy = new RolePolicy();
        policy.allowWildcard("ListSnapshots", List.of(DESCRIBE_SNAPSHOTS), List.of(arns.anySnapshot(), arns.anyCluster()),
                Map.of(), "read-only: the periodic check lists the account's manual cluster snapshots (DescribeDBClusterSnapshots"
                        + " without an identifier is authorized against cluster-snapshot:* and cluster:*)");
        Map<String, Map<String, Object>> managedBookkeeping = new LinkedHashMap<>();
        managedBookkeeping.put("StringEquals", Map.of(CLUSTER_SNAPSHOT_TAG + TagScheme.MANAGED, TagScheme.TRUE));
        managedBookkeeping.put("ForAllValues:StringEquals", Map.of(TAG_KEYS, List.of(TagScheme.AVAILABLE_SEEN, TagScheme.ANNOUNCED)));
        policy.allowWildcard("RecordAnnouncements", List.of(ADD_TAGS), arns.snapshotsOfEveryKind(), managedBookkeeping,
                "writes its two bookkeeping tags, and only those, on snapshots aurora-guard names and tagged managed=true");
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        List<Trigger> triggers = List.of(
                Trigger.pattern(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT),
                Trigger.schedule(EventPatterns.SNAPSHOT_AVAILABLE_PERIODIC_CHECK, List.of(snapshots.availableCheckSchedule())));
        return new FunctionSpec(function, Duration.ofMinutes(2), 1024, Optional.empty(), 2, Duration.ofMinutes(30),
                environment, policy, triggers);
    }

    /**
     * Applies the retention policy to the selected clusters' manual snapshots. It paces its deletes and
     * stops on its own before the deadline, so the timeout is what a full run needs: the listing (5
     * minutes covers thousands of snapshots) plus the deletion budget at the configured pace, at most
     * Lambda's 15 minutes. Reserved concurrency 1: two runs must never plan on the same listing. A delete
     * of a snapshot already gone counts as done, so retrying a run is safe.
     *
     * <p>Deleting is granted only when the configuration opts in ({@code cleanupDryRun=false}): a dry run
     * cannot delete even if its code were wrong.
     */
    private FunctionSpec snapshotCleanup() {
        FunctionCatalog function = FunctionCatalog.SNAPSHOT_CLEANUP;
        AuroraGuardSettings.Cleanup cleanup = settings.cleanup();
        Map<String, String> environment = selectionEnvironment();
        environment.put(SnapshotCleanupSettings.RETENTION_POLICY, cleanup.retentionPolicyJson());
        environment.put(SnapshotCleanupSettings.DRY_RUN, Boolean.toString(cleanup.dryRun()));
        environment.put(SnapshotCleanupSettings.DELETION_BUDGET, Integer.toString(cleanup.deletionBudget()));
        environment.put(SnapshotCleanupSettings.DELETES_PER_SECOND, Double.toString(cleanup.deletesPerSecond()));
        environment.put(ScheduledSnapshotSettings.EVENT_BUS_NAME, settings.eventBusName());
        checkEnvironment(function, environment, SnapshotCleanupSettings::fromEnvironment);

        RolePolicy policy = new RolePolicy();
        describeSelectedClusters(policy);
        policy.allowWildcard("ListSnapshots", List.of(DESCRIBE_SNAPSHOTS), List.of(arns.anySnapshot(), arns.anyCluster()),
                Map.of(), "read-only: the retention plan needs every manual cluster snapshot with its tags"
                        + " (DescribeDBClusterSnapshots without an identifier is authorized against cluster-snapshot:* and cluster:*)");
        if (!cleanup.dryRun()) {
            List<IamResource> deletable = new ArrayList<>();
            for (SnapshotKind kind : SnapshotKind.values()) {
                deletable.addAll(arns.snapshotsOf(kind, namedClusters()));
            }
            policy.allowWildcard("DeleteManagedSnapshots", List.of(DELETE_SNAPSHOT), deletable,
                    Map.of("StringEquals", Map.of(CLUSTER_SNAPSHOT_TAG + TagScheme.MANAGED, TagScheme.TRUE)),
                    "deletes what the retention plan drops: snapshots named by aurora-guard's scheme and tagged"
                            + " " + TagScheme.MANAGED + "=" + TagScheme.TRUE + " (resource tag condition), nothing else");
            // The planner keeps a snapshot whose retain tag is anything but "false"; IAM enforces the same.
            Map<String, Map<String, Object>> retained = new LinkedHashMap<>();
            retained.put("Null", Map.of(CLUSTER_SNAPSHOT_TAG + TagScheme.RETAIN, "false"));
            retained.put("StringNotEqualsIgnoreCase", Map.of(CLUSTER_SNAPSHOT_TAG + TagScheme.RETAIN, "false"));
            policy.deny("NeverDeleteRetainedSnapshots", List.of(DELETE_SNAPSHOT), List.of(arns.anySnapshot()), retained);
        }
        // Tags decide what may be deleted: the role that deletes must never be able to change them.
        policy.deny("NeverChangeTags", List.of(ADD_TAGS, REMOVE_TAGS), List.of(arns.anySnapshot()), Map.of());
        policy.allow("PublishOutcomes", List.of(PUT_EVENTS), List.of(eventBus));
        policy.allow("PrimeForSnapStart", List.of(DESCRIBE_EVENT_BUS), List.of(eventBus));

        Duration work = Duration.ofMinutes(5).plusSeconds((long) Math.ceil(cleanup.deletionBudget() / cleanup.deletesPerSecond()));
        Duration timeout = work.compareTo(FunctionSpec.MAX_TIMEOUT) > 0 ? FunctionSpec.MAX_TIMEOUT : work;
        List<Trigger> triggers = List.of(Trigger.schedule(EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE, List.of(cleanup.schedule())));
        return new FunctionSpec(function, timeout, 1024, Optional.of(1), 2, Duration.ofHours(1), environment, policy,
                triggers);
    }

    /** The protected clusters, in the variables every function working on them reads. */
    private Map<String, String> selectionEnvironment() {
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!snapshots.clusters().isEmpty()) {
            environment.put(ScheduledSnapshotSettings.CLUSTERS, String.join(",", snapshots.clusters()));
        }
        environment.put(ScheduledSnapshotSettings.SELECTION_TAG,
                snapshots.selectionTag().map(TagSelector::toString).orElse(ScheduledSnapshotSettings.NO_SELECTION_TAG));
        return environment;
    }

    /**
     * The clusters whose identifiers are known at synth time, or none when clusters are (also) selected by
     * tag: those are found at run time, so their snapshots can only be named {@code <any>-<kind>-*}.
     */
    private List<String> namedClusters() {
        AuroraGuardSettings.Snapshots snapshots = settings.snapshots();
        return snapshots.selectionTag().isPresent() ? List.of() : snapshots.clusters();
    }

    private void describeSelectedClusters(RolePolicy policy) {
        if (settings.snapshots().selectionTag().isPresent()) {
            policy.allowWildcard("DescribeClusters", List.of(DESCRIBE_CLUSTERS), List.of(arns.anyCluster()), Map.of(),
                    "read-only: clusters are selected by tag, so the function lists every cluster to find the tagged ones");
        } else {
            policy.allow("DescribeClusters", List.of(DESCRIBE_CLUSTERS), arns.clusters(settings.snapshots().clusters()));
        }
    }

    /**
     * The request must tag the new snapshot as aurora-guard's ({@code managed=true}, its kind); unless the
     * cluster's own tags are copied, it may carry no other tag keys than those aurora-guard writes.
     */
    private static Map<String, Map<String, Object>> createTagConditions(SnapshotKind kind, boolean copyClusterTags) {
        Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", Map.of(
                REQUEST_TAG + TagScheme.MANAGED, TagScheme.TRUE,
                REQUEST_TAG + TagScheme.KIND, kind.word()));
        if (!copyClusterTags) {
            // The keys TagScheme writes on a new snapshot when no cluster tag is copied.
            List<String> ourKeys = List.copyOf((kind == SnapshotKind.PRE_DEPLOY
                    ? TagScheme.forPreDeploySnapshot("any", Optional.of("label"), Optional.of("job"), Optional.of("requester"), Map.of())
                    : TagScheme.forNewSnapshot(kind, "any", ScheduledSlot.containing(Instant.EPOCH), Map.of())).tags().keySet());
            conditions.put("ForAllValues:StringEquals", Map.of(TAG_KEYS, ourKeys));
        }
        return conditions;
    }

    /**
     * Runs the function's own start-up validation on the environment built for it, so that a
     * configuration the function would reject at cold start fails the synth instead.
     */
    private static void checkEnvironment(FunctionCatalog function, Map<String, String> environment,
                                         Function<Environment, ?> settingsReader) {
        try {
            settingsReader.apply(Environment.of(environment));
        } catch (ConfigException e) {
            throw new InvalidContextException(e.problems().stream()
                    .map(p -> function.functionName() + " would refuse to start with the environment built from this"
                            + " configuration: " + p)
                    .toList());
        }
    }
}
