package dev.auroraguard.simulator.rds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.auroraguard.simulator.EventLog;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The simulated Amazon RDS control plane for Aurora (API 2014-10-31) in one account and region: DB
 * clusters, their instances, cluster snapshots (manual, automated, copies), point-in-time and snapshot
 * restores, tags and account quotas, with the states, timings, faults and EventBridge events of RDS.
 *
 * <p>Time only moves with the {@link SimClock}: every call first applies the transitions due by now
 * ({@link #settle()}), so with a manual clock a snapshot stays {@code creating} until a test advances it.
 *
 * <p>Thread-safe: one lock guards the state. Events are published to the {@link EventLog} after the lock
 * is released, so a subscriber may call back into RDS (even from another thread) without deadlock.
 */
public final class RdsSimulator implements StatefulService {

    private static final ObjectMapper STATE_JSON = stateMapper();

    private final RdsControlPlane plane;
    private final RdsShapes shapes;
    private final EventLog events;
    private final Map<String, Function<RdsInput, Map<String, Object>>> operations;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock publishing = new ReentrantLock();
    private final ConcurrentLinkedQueue<RecordedEvent> toPublish = new ConcurrentLinkedQueue<>();

    /**
     * @param model                      the RDS service model ({@link ServiceModel#RDS}): faults take its codes and HTTP statuses
     * @param manualClusterSnapshotQuota the account's {@code ManualClusterSnapshots} quota (RDS's default: 100)
     */
    public RdsSimulator(ServiceModel model, SimClock clock, Timings timings, EventLog events, String accountId,
            String region, int manualClusterSnapshotQuota) {
        this(model, clock, timings, events, accountId, region, manualClusterSnapshotQuota, RdsControlPlane.DEFAULT_CLUSTER_QUOTA);
    }

    /** @param clusterQuota the account's {@code DBClusters} quota (RDS's default: 40) */
    public RdsSimulator(ServiceModel model, SimClock clock, Timings timings, EventLog events, String accountId,
            String region, int manualClusterSnapshotQuota, int clusterQuota) {
        Objects.requireNonNull(model, "model");
        if (!ServiceModel.RDS.equals(model.name())) {
            throw new IllegalArgumentException("the RDS simulator needs the " + ServiceModel.RDS + " model, not " + model.name());
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timings, "timings");
        this.events = Objects.requireNonNull(events, "events");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("an AWS account id is 12 digits: " + accountId);
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("a region is required");
        }
        if (manualClusterSnapshotQuota < 0) {
            throw new IllegalArgumentException("the manual cluster snapshot quota can't be negative: " + manualClusterSnapshotQuota);
        }
        if (clusterQuota < 0) {
            throw new IllegalArgumentException("the DB clusters quota can't be negative: " + clusterQuota);
        }
        this.plane = new RdsControlPlane(clock, timings, new RdsFaults(model), accountId, region, manualClusterSnapshotQuota,
                clusterQuota);
        this.shapes = new RdsShapes(plane);
        ClusterOperations clusters = new ClusterOperations(plane, shapes);
        InstanceOperations instances = new InstanceOperations(plane, shapes);
        SnapshotOperations snapshots = new SnapshotOperations(plane, shapes);
        RestoreOperations restores = new RestoreOperations(plane, shapes);
        TagOperations tags = new TagOperations(plane);
        AccountQuotas quotas = new AccountQuotas(plane);
        this.operations = Map.ofEntries(
                Map.entry("CreateDBCluster", clusters::create),
                Map.entry("DescribeDBClusters", clusters::describe),
                Map.entry("DeleteDBCluster", clusters::delete),
                Map.entry("StopDBCluster", clusters::stop),
                Map.entry("StartDBCluster", clusters::start),
                Map.entry("CreateDBInstance", instances::create),
                Map.entry("DescribeDBInstances", instances::describe),
                Map.entry("DeleteDBInstance", instances::delete),
                Map.entry("CreateDBClusterSnapshot", snapshots::create),
                Map.entry("DescribeDBClusterSnapshots", snapshots::describe),
                Map.entry("DeleteDBClusterSnapshot", snapshots::delete),
                Map.entry("CopyDBClusterSnapshot", snapshots::copy),
                Map.entry("RestoreDBClusterToPointInTime", restores::toPointInTime),
                Map.entry("RestoreDBClusterFromSnapshot", restores::fromSnapshot),
                Map.entry("AddTagsToResource", tags::add),
                Map.entry("RemoveTagsFromResource", tags::remove),
                Map.entry("ListTagsForResource", tags::list),
                Map.entry("DescribeAccountAttributes", in -> quotas.describe()));
    }

    /** The operations this simulator answers; any other RDS operation is refused with {@code InvalidAction}. */
    public SortedSet<String> supportedOperations() {
        return new TreeSet<>(operations.keySet());
    }

    @Override
    public Map<String, Object> handle(String operation, Map<String, Object> input) {
        Function<RdsInput, Map<String, Object>> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("InvalidAction", 400, true,
                    "The RDS simulator does not implement the operation " + operation + ".");
        }
        return locked(() -> {
            plane.settle();
            return handler.apply(new RdsInput(input));
        });
    }

    /** Applies every state transition due at the clock's current time, in time order, publishing RDS's events. */
    @Override
    public void settle() {
        locked(() -> {
            plane.settle();
            return null;
        });
    }

    // ---- persistence -----------------------------------------------------------------------------------

    /** The whole RDS state as JSON (what {@link #restoreState} takes back). */
    @Override
    public String stateJson() {
        return locked(() -> {
            plane.settle();
            try {
                return STATE_JSON.writeValueAsString(plane.state);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the RDS state could not be written as JSON", e);
            }
        });
    }

    /** Replaces the whole RDS state with one saved by {@link #stateJson}. */
    @Override
    public void restoreState(String json) {
        RdsState restored;
        try {
            restored = STATE_JSON.readValue(json, RdsState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a saved RDS simulator state: " + e.getOriginalMessage(), e);
        }
        locked(() -> {
            plane.state = restored;
            plane.settle();
            return null;
        });
    }

    // ---- test control: states no API call reaches directly ---------------------------------------------

    /** Puts a cluster in any status (e.g. {@code failed}, {@code inaccessible-encryption-credentials}); pending transitions are dropped. */
    public void forceClusterStatus(String clusterIdentifier, String status) {
        locked(() -> {
            plane.settle();
            ClusterRecord cluster = plane.findCluster(clusterIdentifier)
                    .orElseThrow(() -> new IllegalArgumentException("no DB cluster " + clusterIdentifier));
            plane.cancel(cluster.identifier, RdsControlPlane.CLUSTER_KINDS);
            cluster.status = status;
            if (status.equals("available")) {
                cluster.everAvailable = true;
                cluster.stoppedAt = null;
                if (cluster.nextAutomatedBackupAt == null) {
                    cluster.nextAutomatedBackupAt = BackupWindow.parse(cluster.backupWindow).nextOpeningAfter(plane.now());
                }
            }
            return null;
        });
    }

    /** Puts a DB instance in any status; pending transitions are dropped. */
    public void forceInstanceStatus(String instanceIdentifier, String status) {
        locked(() -> {
            plane.settle();
            InstanceRecord instance = plane.findInstance(instanceIdentifier)
                    .orElseThrow(() -> new IllegalArgumentException("no DB instance " + instanceIdentifier));
            plane.cancel(instance.identifier, RdsControlPlane.INSTANCE_KINDS);
            instance.status = status;
            if (status.equals("available") && instance.createTime == null) {
                instance.createTime = plane.now();
            }
            return null;
        });
    }

    /** Puts a cluster snapshot in any status (e.g. {@code failed}); pending transitions are dropped. */
    public void forceSnapshotStatus(String snapshotIdentifier, String status) {
        locked(() -> {
            plane.settle();
            SnapshotRecord snapshot = plane.findSnapshot(snapshotIdentifier)
                    .orElseThrow(() -> new IllegalArgumentException("no DB cluster snapshot " + snapshotIdentifier));
            plane.cancel(snapshot.identifier, RdsControlPlane.SNAPSHOT_KINDS);
            snapshot.status = status;
            if (!status.equals("creating")) {
                plane.releaseBackingUp(snapshot);
            }
            return null;
        });
    }

    public Optional<String> clusterStatus(String clusterIdentifier) {
        return locked(() -> {
            plane.settle();
            return plane.findCluster(clusterIdentifier).map(c -> c.status);
        });
    }

    public Optional<String> instanceStatus(String instanceIdentifier) {
        return locked(() -> {
            plane.settle();
            return plane.findInstance(instanceIdentifier).map(i -> i.status);
        });
    }

    public Optional<String> snapshotStatus(String snapshotIdentifier) {
        return locked(() -> {
            plane.settle();
            return plane.findSnapshot(snapshotIdentifier).map(s -> s.status);
        });
    }

    public int clusterCount() {
        return locked(() -> {
            plane.settle();
            return plane.state.clusters.size();
        });
    }

    public int instanceCount() {
        return locked(() -> {
            plane.settle();
            return plane.state.instances.size();
        });
    }

    /** The account's own cluster snapshots of every type (not those shared by other accounts). */
    public int snapshotCount() {
        return locked(() -> {
            plane.settle();
            return (int) plane.state.snapshots.values().stream().filter(s -> s.ownerAccount.equals(plane.accountId)).count();
        });
    }

    /** The identifiers of the account's manual cluster snapshots, sorted: what a test reads without an API call. */
    public SortedSet<String> manualSnapshotIds() {
        return locked(() -> {
            plane.settle();
            return plane.state.snapshots.values().stream()
                    .filter(s -> s.ownerAccount.equals(plane.accountId) && SnapshotRecord.MANUAL.equals(s.snapshotType))
                    .map(s -> s.identifier).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        });
    }

    /** What counts against the ManualClusterSnapshots quota. */
    public int manualSnapshotCount() {
        return locked(() -> {
            plane.settle();
            return plane.manualSnapshotCount();
        });
    }

    /** Where a restored cluster came from, and to which point in time; empty for a cluster that wasn't restored. */
    public Optional<RestoreOrigin> restoreOrigin(String clusterIdentifier) {
        return locked(() -> {
            plane.settle();
            ClusterRecord c = plane.findCluster(clusterIdentifier)
                    .orElseThrow(() -> new IllegalArgumentException("no DB cluster " + clusterIdentifier));
            if (c.restoredFromClusterArn == null && c.restoredFromSnapshotArn == null) {
                return Optional.empty();
            }
            return Optional.of(new RestoreOrigin(c.restoredFromClusterArn, c.restoredFromSnapshotArn, c.restoredToTime,
                    c.restoreType));
        });
    }

    /**
     * Adds a manual cluster snapshot owned by another account and shared with this one (listed with
     * SnapshotType {@code shared} or IncludeShared), or public (SnapshotType {@code public} or IncludePublic).
     *
     * @return the snapshot's ARN, which is how RDS names another account's snapshot
     */
    public String addSnapshotFromOtherAccount(String ownerAccountId, String snapshotIdentifier, String clusterIdentifier,
            String engine, boolean publicSnapshot) {
        if (!ownerAccountId.matches("\\d{12}") || ownerAccountId.equals(plane.accountId)) {
            throw new IllegalArgumentException("another account's 12-digit id is required: " + ownerAccountId);
        }
        String id = RdsIdentifiers.valid("DBClusterSnapshotIdentifier", snapshotIdentifier);
        String arn = RdsArn.of(plane.region, ownerAccountId, RdsArn.CLUSTER_SNAPSHOT, id);
        return locked(() -> {
            plane.settle();
            SnapshotRecord s = new SnapshotRecord();
            s.identifier = arn;
            s.ownerAccount = ownerAccountId;
            s.sharedWithThisAccount = !publicSnapshot;
            s.publicSnapshot = publicSnapshot;
            s.snapshotType = SnapshotRecord.MANUAL;
            s.clusterIdentifier = RdsIdentifiers.lower(clusterIdentifier);
            s.clusterResourceId = "cluster-" + id.toUpperCase(java.util.Locale.ROOT);
            s.engine = AuroraEngine.of(engine).engineName;
            s.engineVersion = AuroraEngine.of(engine).defaultVersion;
            s.masterUsername = "admin";
            s.vpcId = "vpc-" + Integer.toHexString(arn.hashCode() & 0x7fffffff);
            s.availabilityZones = new ArrayList<>(plane.naming.availabilityZones());
            s.status = "available";
            s.createTime = plane.now();
            s.clusterCreateTime = plane.now();
            plane.state.snapshots.put(arn, s);
            return arn;
        });
    }

    /** Adds an available cluster snapshot of an existing cluster as AWS Backup creates them (SnapshotType {@code awsbackup}). */
    public void addAwsBackupSnapshot(String clusterIdentifier, String snapshotIdentifier) {
        locked(() -> {
            plane.settle();
            ClusterRecord cluster = plane.findCluster(clusterIdentifier)
                    .orElseThrow(() -> new IllegalArgumentException("no DB cluster " + clusterIdentifier));
            String id = RdsIdentifiers.lower(snapshotIdentifier);
            if (plane.state.snapshots.containsKey(id)) {
                throw new IllegalArgumentException("a cluster snapshot " + id + " already exists");
            }
            SnapshotRecord s = plane.snapshotOf(cluster, id, SnapshotRecord.AWS_BACKUP, plane.now());
            s.status = "available";
            plane.state.snapshots.put(id, s);
            return null;
        });
    }

    /**
     * A manual cluster snapshot from a cluster's history, for {@link #addManualSnapshots}.
     *
     * @param createTime now or earlier
     */
    public record HistoricSnapshot(String clusterIdentifier, String snapshotIdentifier, Instant createTime,
                                   Map<String, String> tags) {
        public HistoricSnapshot {
            Objects.requireNonNull(clusterIdentifier, "clusterIdentifier");
            Objects.requireNonNull(snapshotIdentifier, "snapshotIdentifier");
            Objects.requireNonNull(createTime, "createTime");
            tags = Map.copyOf(tags);
        }
    }

    /**
     * Adds an available manual cluster snapshot of an existing cluster, created at {@code createTime} (now or
     * earlier) with these tags: a long snapshot history without taking, and waiting for, each one through
     * the API. It counts against the manual snapshot quota as CreateDBClusterSnapshot does, and publishes no
     * event (its creation is history).
     */
    public void addManualSnapshot(String clusterIdentifier, String snapshotIdentifier, Instant createTime,
            Map<String, String> tags) {
        addManualSnapshots(List.of(new HistoricSnapshot(clusterIdentifier, snapshotIdentifier, createTime, tags)));
    }

    /**
     * {@link #addManualSnapshot} for many at once (one quota check for all): all are added, or, when one
     * cannot be, none.
     */
    public void addManualSnapshots(List<HistoricSnapshot> history) {
        List<SnapshotRecord> records = new ArrayList<>(history.size());
        for (HistoricSnapshot h : history) {
            // In key order: the record's map does not keep the caller's order, and listings must be reproducible.
            java.util.LinkedHashMap<String, String> tags = new java.util.LinkedHashMap<>(new java.util.TreeMap<>(h.tags()));
            tags.forEach(RdsTags::checkTag);
            RdsTags.checkCount(Map.of(), tags);
            SnapshotRecord s = new SnapshotRecord();
            s.identifier = RdsIdentifiers.valid("DBClusterSnapshotIdentifier", h.snapshotIdentifier());
            s.clusterIdentifier = h.clusterIdentifier();
            s.createTime = h.createTime();
            s.tags = tags;
            records.add(s);
        }
        locked(() -> {
            plane.settle();
            java.util.Set<String> adding = new java.util.HashSet<>();
            List<SnapshotRecord> built = new ArrayList<>(records.size());
            for (SnapshotRecord r : records) {
                ClusterRecord cluster = plane.findCluster(r.clusterIdentifier)
                        .orElseThrow(() -> new IllegalArgumentException("no DB cluster " + r.clusterIdentifier));
                if (r.createTime.isAfter(plane.now())) {
                    throw new IllegalArgumentException("a snapshot cannot be created after now (" + plane.now() + "): " + r.createTime);
                }
                if (plane.state.snapshots.containsKey(r.identifier) || !adding.add(r.identifier)) {
                    throw new IllegalArgumentException("a cluster snapshot " + r.identifier + " already exists");
                }
                SnapshotRecord s = plane.snapshotOf(cluster, r.identifier, SnapshotRecord.MANUAL, r.createTime);
                s.status = "available";
                s.tags = r.tags;
                built.add(s);
            }
            plane.checkManualSnapshotQuota(built.size());
            built.forEach(s -> plane.state.snapshots.put(s.identifier, s));
            return null;
        });
    }

    /** @param restoredToTime null for a restore from a snapshot */
    public record RestoreOrigin(String sourceClusterArn, String sourceSnapshotArn, Instant restoredToTime, String restoreType) {
    }

    // ---- locking and publishing ------------------------------------------------------------------------

    private <T> T locked(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            toPublish.addAll(plane.takeUnpublished());
            lock.unlock();
            publish();
        }
    }

    /**
     * Publishes queued events in order. Only one thread publishes at a time; one that finds another
     * publishing leaves its events to it instead of waiting (a subscriber may be waiting on that thread).
     */
    private void publish() {
        do {
            if (!publishing.tryLock()) {
                return;
            }
            try {
                RecordedEvent event;
                while ((event = toPublish.poll()) != null) {
                    events.record(event);
                }
            } finally {
                publishing.unlock();
            }
        } while (!toPublish.isEmpty());
    }

    private static ObjectMapper stateMapper() {
        SimpleModule instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        return new ObjectMapper()
                .registerModule(instants)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
