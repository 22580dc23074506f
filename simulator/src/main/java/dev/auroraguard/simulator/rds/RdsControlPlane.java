package dev.auroraguard.simulator.rds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Timings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account's RDS state and what RDS does by itself over time: scheduled transitions (creating →
 * available, deleting → gone ...), daily automated snapshots and their expiry, and the events each
 * change publishes. Not thread-safe: {@link RdsSimulator} holds its lock around every call.
 */
final class RdsControlPlane {

    static final String DEFAULT_BUS = "default";
    /** RDS's default DB clusters quota per account and Region. */
    static final int DEFAULT_CLUSTER_QUOTA = 40;
    static final int MAX_INSTANCES = 40;

    private static final DateTimeFormatter EVENT_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AUTOMATED_SUFFIX =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    final SimClock clock;
    final Timings timings;
    final RdsNaming naming;
    final RdsFaults faults;
    final String accountId;
    final String region;
    final int manualSnapshotQuota;
    final int clusterQuota;
    RdsState state = new RdsState();

    /** Events produced under the lock, published by {@link RdsSimulator} once the lock is released. */
    private final List<RecordedEvent> unpublished = new ArrayList<>();

    RdsControlPlane(SimClock clock, Timings timings, RdsFaults faults, String accountId, String region,
            int manualSnapshotQuota, int clusterQuota) {
        this.clock = clock;
        this.timings = timings;
        this.faults = faults;
        this.accountId = accountId;
        this.region = region;
        this.manualSnapshotQuota = manualSnapshotQuota;
        this.clusterQuota = clusterQuota;
        this.naming = new RdsNaming(accountId, region);
    }

    /** RDS reports times to the millisecond. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    List<RecordedEvent> takeUnpublished() {
        List<RecordedEvent> events = List.copyOf(unpublished);
        unpublished.clear();
        return events;
    }

    // ---- lookups ---------------------------------------------------------------------------------------

    /** A cluster by identifier (any case) or by its ARN in this account and region. */
    Optional<ClusterRecord> findCluster(String identifierOrArn) {
        return Optional.ofNullable(state.clusters.get(ownIdentifier(identifierOrArn, RdsArn.CLUSTER)));
    }

    ClusterRecord requireCluster(String identifierOrArn) {
        return findCluster(identifierOrArn).orElseThrow(() -> faults.clusterNotFound(identifierOrArn));
    }

    Optional<InstanceRecord> findInstance(String identifierOrArn) {
        return Optional.ofNullable(state.instances.get(ownIdentifier(identifierOrArn, RdsArn.INSTANCE)));
    }

    InstanceRecord requireInstance(String identifierOrArn) {
        return findInstance(identifierOrArn).orElseThrow(() -> faults.instanceNotFound(identifierOrArn));
    }

    /** A cluster snapshot by identifier, by ARN, or (shared snapshots) by the owner's ARN. */
    Optional<SnapshotRecord> findSnapshot(String identifierOrArn) {
        SnapshotRecord shared = state.snapshots.get(identifierOrArn);
        if (shared != null) {
            return Optional.of(shared);
        }
        return Optional.ofNullable(state.snapshots.get(ownIdentifier(identifierOrArn, RdsArn.CLUSTER_SNAPSHOT)));
    }

    SnapshotRecord requireSnapshot(String identifierOrArn) {
        return findSnapshot(identifierOrArn).orElseThrow(() -> faults.snapshotNotFound(identifierOrArn));
    }

    /** The lower-case identifier for an identifier or an ARN of this account, region and resource type. */
    String ownIdentifier(String identifierOrArn, String resourceType) {
        if (RdsArn.looksLikeArn(identifierOrArn)) {
            RdsArn arn = RdsArn.parse(identifierOrArn);
            if (!arn.account().equals(accountId) || !arn.region().equals(region) || !arn.resourceType().equals(resourceType)) {
                return identifierOrArn;
            }
            return RdsIdentifiers.lower(arn.resourceId());
        }
        return RdsIdentifiers.lower(identifierOrArn);
    }

    List<InstanceRecord> members(String clusterIdentifier) {
        return state.instances.values().stream()
                .filter(i -> i.clusterIdentifier.equals(clusterIdentifier))
                .sorted(Comparator.comparingLong(i -> i.sequence))
                .toList();
    }

    /** Manual cluster snapshots count against the quota whatever their state, copies included. */
    int manualSnapshotCount() {
        return (int) state.snapshots.values().stream()
                .filter(s -> s.ownerAccount.equals(accountId) && SnapshotRecord.MANUAL.equals(s.snapshotType))
                .count();
    }

    void checkManualSnapshotQuota(int adding) {
        if (manualSnapshotCount() + adding > manualSnapshotQuota) {
            throw faults.snapshotQuotaExceeded(manualSnapshotQuota);
        }
    }

    long nextResourceSequence() {
        return ++state.resourceSequence;
    }

    // ---- restorable window ---------------------------------------------------------------------------

    /** LatestRestorableTime: a few minutes behind now (frozen once the cluster is stopped), never before creation. */
    Instant latestRestorableTime(ClusterRecord cluster, Instant now) {
        Instant effectiveNow = cluster.stoppedAt != null && cluster.stoppedAt.isBefore(now) ? cluster.stoppedAt : now;
        Instant latest = effectiveNow.minus(timings.latestRestorableLag());
        return latest.isBefore(cluster.createTime) ? cluster.createTime : latest;
    }

    /** EarliestRestorableTime: BackupRetentionPeriod days back, never before creation. */
    Instant earliestRestorableTime(ClusterRecord cluster, Instant now) {
        Instant earliest = now.minus(Duration.ofDays(cluster.backupRetentionPeriod));
        if (earliest.isBefore(cluster.createTime)) {
            earliest = cluster.createTime;
        }
        Instant latest = latestRestorableTime(cluster, now);
        return earliest.isAfter(latest) ? latest : earliest;
    }

    // ---- scheduling ------------------------------------------------------------------------------------

    void schedule(ScheduledTransition.Kind kind, String resource, Instant dueAt) {
        state.schedule.add(new ScheduledTransition(kind, resource, dueAt, ++state.transitionSequence));
    }

    void cancel(String resource, Set<ScheduledTransition.Kind> kinds) {
        state.schedule.removeIf(t -> t.resource.equals(resource) && kinds.contains(t.kind));
    }

    static final Set<ScheduledTransition.Kind> CLUSTER_KINDS = EnumSet.of(ScheduledTransition.Kind.CLUSTER_AVAILABLE,
            ScheduledTransition.Kind.CLUSTER_STOPPED, ScheduledTransition.Kind.CLUSTER_STARTED,
            ScheduledTransition.Kind.CLUSTER_AUTO_START, ScheduledTransition.Kind.CLUSTER_GONE);
    static final Set<ScheduledTransition.Kind> INSTANCE_KINDS = EnumSet.of(ScheduledTransition.Kind.INSTANCE_AVAILABLE,
            ScheduledTransition.Kind.INSTANCE_GONE);
    static final Set<ScheduledTransition.Kind> SNAPSHOT_KINDS = EnumSet.of(ScheduledTransition.Kind.SNAPSHOT_AVAILABLE);

    /** Applies, in time order, every transition, automated backup and expiry due at or before now. */
    void settle() {
        Instant now = now();
        while (true) {
            ScheduledTransition transition = state.schedule.stream()
                    .filter(t -> !t.dueAt.isAfter(now))
                    .min(Comparator.comparing((ScheduledTransition t) -> t.dueAt).thenComparingLong(t -> t.sequence))
                    .orElse(null);
            SnapshotRecord expiring = state.snapshots.values().stream()
                    .filter(s -> s.expiresAt != null && !s.expiresAt.isAfter(now))
                    .min(Comparator.comparing((SnapshotRecord s) -> s.expiresAt))
                    .orElse(null);
            ClusterRecord backingUp = state.clusters.values().stream()
                    .filter(c -> c.nextAutomatedBackupAt != null && !c.nextAutomatedBackupAt.isAfter(now))
                    .min(Comparator.comparing((ClusterRecord c) -> c.nextAutomatedBackupAt))
                    .orElse(null);
            Instant transitionAt = transition == null ? null : transition.dueAt;
            Instant expiryAt = expiring == null ? null : expiring.expiresAt;
            Instant backupAt = backingUp == null ? null : backingUp.nextAutomatedBackupAt;
            if (transitionAt == null && expiryAt == null && backupAt == null) {
                return;
            }
            if (transitionAt != null && notAfter(transitionAt, expiryAt) && notAfter(transitionAt, backupAt)) {
                state.schedule.remove(transition);
                apply(transition);
            } else if (expiryAt != null && notAfter(expiryAt, backupAt)) {
                state.snapshots.remove(expiring.identifier);
            } else {
                takeAutomatedSnapshot(backingUp, backupAt);
            }
        }
    }

    private static boolean notAfter(Instant candidate, Instant other) {
        return other == null || !candidate.isAfter(other);
    }

    private void apply(ScheduledTransition transition) {
        Instant at = transition.dueAt;
        switch (transition.kind) {
            case CLUSTER_AVAILABLE -> {
                ClusterRecord cluster = state.clusters.get(transition.resource);
                if (cluster != null && cluster.status.equals("creating")) {
                    cluster.status = "available";
                    cluster.everAvailable = true;
                    cluster.nextAutomatedBackupAt = BackupWindow.parse(cluster.backupWindow).nextOpeningAfter(at);
                    emit(RdsEvent.CLUSTER_CREATED, at, naming.clusterArn(cluster.identifier), cluster.identifier, cluster.tags);
                }
            }
            case CLUSTER_STOPPED -> {
                ClusterRecord cluster = state.clusters.get(transition.resource);
                if (cluster != null && cluster.status.equals("stopping")) {
                    cluster.status = "stopped";
                    members(cluster.identifier).stream().filter(i -> i.status.equals("stopping"))
                            .forEach(i -> i.status = "stopped");
                    emit(RdsEvent.CLUSTER_STOPPED, at, naming.clusterArn(cluster.identifier), cluster.identifier, cluster.tags);
                }
            }
            case CLUSTER_STARTED -> {
                ClusterRecord cluster = state.clusters.get(transition.resource);
                if (cluster != null && cluster.status.equals("starting")) {
                    cluster.status = "available";
                    cluster.stoppedAt = null;
                    members(cluster.identifier).stream().filter(i -> i.status.equals("starting"))
                            .forEach(i -> i.status = "available");
                    emit(RdsEvent.CLUSTER_STARTED, at, naming.clusterArn(cluster.identifier), cluster.identifier, cluster.tags);
                }
            }
            case CLUSTER_AUTO_START -> {
                ClusterRecord cluster = state.clusters.get(transition.resource);
                if (cluster != null && cluster.status.equals("stopped")) {
                    emit(RdsEvent.CLUSTER_AUTO_STARTING, at, naming.clusterArn(cluster.identifier), cluster.identifier, cluster.tags);
                    beginStart(cluster, at);
                }
            }
            case CLUSTER_GONE -> {
                ClusterRecord cluster = state.clusters.remove(transition.resource);
                if (cluster != null) {
                    // RDS deletes a cluster's automated backups with it; manual snapshots stay.
                    state.snapshots.values().removeIf(s -> SnapshotRecord.AUTOMATED.equals(s.snapshotType)
                            && s.ownerAccount.equals(accountId) && s.clusterIdentifier.equals(cluster.identifier));
                    cancel(cluster.identifier, CLUSTER_KINDS);
                    emit(RdsEvent.CLUSTER_DELETED, at, naming.clusterArn(cluster.identifier), cluster.identifier, cluster.tags);
                }
            }
            case INSTANCE_AVAILABLE -> {
                InstanceRecord instance = state.instances.get(transition.resource);
                if (instance != null && instance.status.equals("creating")) {
                    instance.status = "available";
                    instance.createTime = at;
                    emit(RdsEvent.INSTANCE_CREATED, at, naming.instanceArn(instance.identifier), instance.identifier, instance.tags);
                }
            }
            case INSTANCE_GONE -> {
                InstanceRecord instance = state.instances.remove(transition.resource);
                if (instance != null) {
                    if (instance.writer) {
                        members(instance.clusterIdentifier).stream().findFirst().ifPresent(next -> next.writer = true);
                    }
                    emit(RdsEvent.INSTANCE_DELETED, at, naming.instanceArn(instance.identifier), instance.identifier, instance.tags);
                }
            }
            case SNAPSHOT_AVAILABLE -> {
                SnapshotRecord snapshot = state.snapshots.get(transition.resource);
                if (snapshot != null && (snapshot.status.equals("creating") || snapshot.status.equals("copying"))) {
                    snapshot.status = "available";
                    releaseBackingUp(snapshot);
                    if (SnapshotRecord.AUTOMATED.equals(snapshot.snapshotType)) {
                        emit(RdsEvent.AUTOMATED_SNAPSHOT_CREATED, at, naming.snapshotArn(snapshot.identifier),
                                snapshot.identifier, snapshot.tags);
                    } else if (!snapshot.copy) {
                        emit(RdsEvent.MANUAL_SNAPSHOT_CREATED, at, naming.snapshotArn(snapshot.identifier),
                                snapshot.identifier, snapshot.tags);
                    }
                }
            }
            default -> throw new IllegalStateException("unknown transition " + transition.kind);
        }
    }

    /** stopped → starting, instances with it; available again after about an instance's start-up time. */
    void beginStart(ClusterRecord cluster, Instant at) {
        cluster.status = "starting";
        members(cluster.identifier).stream().filter(i -> i.status.equals("stopped")).forEach(i -> i.status = "starting");
        schedule(ScheduledTransition.Kind.CLUSTER_STARTED, cluster.identifier, at.plus(timings.instanceCreate()));
    }

    /** The cluster leaves {@code backing-up} when the manual snapshot that put it there is no longer being created. */
    void releaseBackingUp(SnapshotRecord snapshot) {
        ClusterRecord cluster = state.clusters.get(snapshot.clusterIdentifier);
        if (cluster != null && snapshot.identifier.equals(cluster.backingUpSnapshot)) {
            cluster.backingUpSnapshot = null;
            if (cluster.status.equals("backing-up")) {
                cluster.status = "available";
            }
        }
    }

    /** The daily automated snapshot, taken when the backup window opens if the cluster is running. */
    private void takeAutomatedSnapshot(ClusterRecord cluster, Instant at) {
        cluster.nextAutomatedBackupAt = BackupWindow.parse(cluster.backupWindow).nextOpeningAfter(at);
        if (!cluster.status.equals("available") && !cluster.status.equals("backing-up")) {
            return;
        }
        String identifier = "rds:" + cluster.identifier + "-" + AUTOMATED_SUFFIX.format(at);
        if (state.snapshots.containsKey(identifier)) {
            return;
        }
        SnapshotRecord snapshot = snapshotOf(cluster, identifier, SnapshotRecord.AUTOMATED, at);
        snapshot.expiresAt = at.plus(Duration.ofDays(cluster.backupRetentionPeriod));
        if (cluster.copyTagsToSnapshot) {
            snapshot.tags.putAll(cluster.tags);
        }
        state.snapshots.put(identifier, snapshot);
        schedule(ScheduledTransition.Kind.SNAPSHOT_AVAILABLE, identifier, snapshot.completesAt);
        emit(RdsEvent.AUTOMATED_SNAPSHOT_STARTED, at, naming.snapshotArn(identifier), identifier, snapshot.tags);
    }

    /** A snapshot of the cluster as it is now, in {@code creating}. */
    SnapshotRecord snapshotOf(ClusterRecord cluster, String identifier, String type, Instant at) {
        SnapshotRecord snapshot = new SnapshotRecord();
        snapshot.identifier = identifier;
        snapshot.ownerAccount = accountId;
        snapshot.snapshotType = type;
        snapshot.clusterIdentifier = cluster.identifier;
        snapshot.clusterResourceId = cluster.resourceId;
        snapshot.clusterCreateTime = cluster.createTime;
        snapshot.engine = cluster.engine;
        snapshot.engineVersion = cluster.engineVersion;
        snapshot.engineMode = cluster.engineMode;
        snapshot.vpcId = cluster.vpcId;
        snapshot.masterUsername = cluster.masterUsername;
        snapshot.databaseName = cluster.databaseName;
        snapshot.storageEncrypted = cluster.storageEncrypted;
        snapshot.kmsKeyId = cluster.kmsKeyId;
        snapshot.iamDatabaseAuthentication = cluster.iamDatabaseAuthentication;
        snapshot.availabilityZones = new ArrayList<>(cluster.availabilityZones);
        snapshot.storageType = cluster.storageType;
        snapshot.status = "creating";
        snapshot.createTime = at;
        snapshot.completesAt = at.plus(timings.snapshotCreate());
        return snapshot;
    }

    // ---- events ----------------------------------------------------------------------------------------

    /** Records an RDS event as RDS sends it to EventBridge's default bus, with the resource's tags at that time. */
    void emit(RdsEvent event, Instant at, String sourceArn, String sourceIdentifier, Map<String, String> tags) {
        ObjectNode detail = JSON.createObjectNode();
        detail.putArray("EventCategories").add(event.category);
        detail.put("SourceType", event.source.sourceType);
        detail.put("SourceArn", sourceArn);
        detail.put("Date", EVENT_DATE.format(at));
        detail.put("Message", event.message);
        detail.put("SourceIdentifier", sourceIdentifier);
        detail.put("EventID", event.eventId);
        ObjectNode tagNode = detail.putObject("Tags");
        tags.forEach(tagNode::put);
        String detailJson;
        try {
            detailJson = JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an RDS event detail could not be written as JSON", e);
        }
        long sequence = ++state.eventSequence;
        unpublished.add(new RecordedEvent(naming.eventId(sequence).toString(), at, DEFAULT_BUS, "aws.rds",
                event.source.detailType, List.of(sourceArn), detailJson, accountId, region));
    }
}
