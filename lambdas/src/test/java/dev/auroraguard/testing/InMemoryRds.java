package dev.auroraguard.testing;

import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotCreation;
import dev.auroraguard.port.AccountQuotas;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory stand-in for the RDS ports, with RDS's answers for the cases the handlers care about
 * and per-operation fault injection. The real SDK adapters are exercised against the simulator.
 */
public final class InMemoryRds implements ClusterDirectory, ClusterSnapshots, AccountQuotas {

    private static final String ARN = "arn:aws:rds:eu-west-1:123456789012:";

    private final Clock clock;
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, List<ServiceCallException>> faults = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private long quotaMax = 100;
    private int createCalls;

    public InMemoryRds(Clock clock) {
        this.clock = clock;
    }

    public InMemoryRds cluster(String id, String status, Map<String, String> tags) {
        clusters.put(id, new Cluster(id, ARN + "cluster:" + id, status, tags, false));
        return this;
    }

    public InMemoryRds cluster(Cluster cluster) {
        clusters.put(cluster.id(), cluster);
        return this;
    }

    public InMemoryRds quotaMax(long max) {
        this.quotaMax = max;
        return this;
    }

    /** A snapshot that exists already (someone else's, or an earlier run's). */
    public InMemoryRds existingSnapshot(String id, String clusterId, String status, Map<String, String> tags) {
        snapshots.put(id, new Snapshot(id, ARN + "cluster-snapshot:" + id, clusterId, status, Optional.of(clock.instant()), tags));
        return this;
    }

    /** The next calls of {@code operation} (e.g. {@code create:orders-db}, {@code listAll}) throw these, in order. */
    public InMemoryRds failNext(String operation, ServiceCallException... errors) {
        faults.computeIfAbsent(operation, k -> new ArrayList<>()).addAll(List.of(errors));
        return this;
    }

    /** The snapshot completes: it is available and its cluster available again. */
    public void completeSnapshot(String id) {
        Snapshot s = snapshots.get(id);
        snapshots.put(id, new Snapshot(s.id(), s.arn(), s.clusterId(), "available", s.createTime(), s.tags()));
        Cluster c = clusters.get(s.clusterId());
        if (c != null) {
            clusters.put(c.id(), new Cluster(c.id(), c.arn(), "available", c.tags(), c.copyTagsToSnapshot()));
        }
    }

    public Map<String, Snapshot> snapshots() {
        return Map.copyOf(snapshots);
    }

    public int createCalls() {
        return createCalls;
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    private void maybeFail(String operation) {
        calls.merge(operation, 1, Integer::sum);
        List<ServiceCallException> pending = faults.get(operation);
        if (pending != null && !pending.isEmpty()) {
            throw pending.remove(0);
        }
    }

    @Override
    public List<Cluster> describe(Collection<String> clusterIds) {
        maybeFail("describe");
        return clusterIds.stream().map(clusters::get).filter(c -> c != null).toList();
    }

    @Override
    public List<Cluster> listAll() {
        maybeFail("listAll");
        return List.copyOf(clusters.values());
    }

    @Override
    public SnapshotCreation create(String clusterId, String snapshotId, Map<String, String> tags) {
        createCalls++;
        maybeFail("create:" + clusterId);
        Cluster cluster = clusters.get(clusterId);
        if (cluster == null) {
            return new SnapshotCreation.ClusterNotFound("DBCluster " + clusterId + " not found.");
        }
        if (snapshots.containsKey(snapshotId)) {
            return new SnapshotCreation.AlreadyExists("Cannot create the cluster snapshot because one with the identifier "
                    + snapshotId + " already exists.");
        }
        if (!cluster.isAvailable()) {
            return new SnapshotCreation.ClusterNotAvailable("DBCluster " + clusterId + " is not in the available state.");
        }
        if (snapshots.size() >= quotaMax) {
            return new SnapshotCreation.QuotaExceeded("Cannot create more than " + quotaMax + " manual snapshots", Optional.empty());
        }
        Snapshot snapshot = new Snapshot(snapshotId, ARN + "cluster-snapshot:" + snapshotId, clusterId, "creating",
                Optional.of(clock.instant()), tags);
        snapshots.put(snapshotId, snapshot);
        // As RDS does: the cluster is backing-up until the snapshot completes.
        clusters.put(clusterId, new Cluster(cluster.id(), cluster.arn(), "backing-up", cluster.tags(), cluster.copyTagsToSnapshot()));
        return new SnapshotCreation.Created(snapshot);
    }

    @Override
    public Optional<Snapshot> describe(String snapshotId) {
        maybeFail("describeSnapshot");
        return Optional.ofNullable(snapshots.get(snapshotId));
    }

    @Override
    public List<Snapshot> listManual(Instant since) {
        maybeFail("listManual");
        return snapshots.values().stream().filter(s -> s.createTime().map(t -> !t.isBefore(since)).orElse(true)).toList();
    }

    @Override
    public void addTags(String snapshotArn, Map<String, String> tags) {
        maybeFail("addTags");
        for (Map.Entry<String, Snapshot> entry : snapshots.entrySet()) {
            Snapshot s = entry.getValue();
            if (s.arn().equals(snapshotArn)) {
                Map<String, String> merged = new LinkedHashMap<>(s.tags());
                merged.putAll(tags);
                entry.setValue(new Snapshot(s.id(), s.arn(), s.clusterId(), s.status(), s.createTime(), merged));
                return;
            }
        }
        throw new ServiceCallException("AddTagsToResource", "DBClusterSnapshotNotFoundFault", false, snapshotArn, null);
    }

    @Override
    public Optional<QuotaUsage> manualClusterSnapshots() {
        maybeFail("quota");
        return Optional.of(new QuotaUsage(QuotaUsage.MANUAL_CLUSTER_SNAPSHOTS, snapshots.size(), quotaMax));
    }

    public static ServiceCallException throttled(String operation) {
        return new ServiceCallException(operation, "Throttling", true, "Rate exceeded", null);
    }

    public static ServiceCallException accessDenied(String operation) {
        return new ServiceCallException(operation, "AccessDenied", false, "not authorized", null);
    }
}
