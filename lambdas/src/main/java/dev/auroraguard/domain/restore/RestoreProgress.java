package dev.auroraguard.domain.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reconciler's decision for one restored cluster, from what RDS says now (never from what an event
 * said): the next missing step, or why there is none. Running it any number of times, in any order of
 * events, leads to the same cluster with the same instances.
 */
public final class RestoreProgress {

    /** Cluster states from which a restore does not recover by itself. */
    static final Set<String> FAILED_CLUSTER_STATES = Set.of("failed", "incompatible-restore", "incompatible-network",
            "incompatible-parameters", "inaccessible-encryption-credentials", "inaccessible-encryption-credentials-recoverable",
            "deleting");
    /** Instance states from which a new instance does not recover by itself. */
    static final Set<String> FAILED_INSTANCE_STATES = Set.of("failed", "incompatible-restore", "incompatible-network",
            "incompatible-parameters", "inaccessible-encryption-credentials", "restore-error", "storage-full", "deleting");

    private RestoreProgress() {
    }

    public sealed interface Step {
    }

    /** Completed or failed before: nothing more to do. */
    public record Finished() implements Step {
    }

    /** RDS is still restoring the cluster (or busy with it): wait for RDS-EVENT-0170 or the sweep. */
    public record WaitForCluster(String status) implements Step {
    }

    /** The cluster reached a state it does not leave by itself. */
    public record ClusterFailed(String status) implements Step {
    }

    /** The cluster is available and these planned instances do not exist yet: create them, in order. */
    public record CreateInstances(List<PlannedInstance> missing) implements Step {
        public CreateInstances {
            missing = List.copyOf(missing);
        }
    }

    /** Every planned instance exists; some are not available yet. */
    public record WaitForInstances(Map<String, String> statusById) implements Step {
        public WaitForInstances {
            statusById = Map.copyOf(statusById);
        }
    }

    /** A planned instance reached a state it does not leave by itself. */
    public record InstanceFailed(String instanceId, String status) implements Step {
    }

    /** Cluster and every planned instance are available. */
    public record Complete(List<DbInstance> instances) implements Step {
        public Complete {
            instances = List.copyOf(instances);
        }
    }

    /** @param instances the restored cluster's instances as RDS describes them now */
    public static Step next(RestoredCluster restore, List<DbInstance> instances) {
        if (!restore.inFlight()) {
            return new Finished();
        }
        String status = restore.cluster().status();
        if (FAILED_CLUSTER_STATES.contains(status)) {
            return new ClusterFailed(status);
        }
        if (!restore.cluster().isAvailable()) {
            return new WaitForCluster(status);
        }
        Map<String, DbInstance> byId = instances.stream().collect(Collectors.toMap(DbInstance::id, Function.identity(), (a, b) -> a));
        List<PlannedInstance> missing = new ArrayList<>();
        List<DbInstance> planned = new ArrayList<>();
        for (PlannedInstance p : restore.plan()) {
            DbInstance existing = byId.get(RestoreNamer.instance(restore.id(), p.ordinal()));
            if (existing == null) {
                missing.add(p);
            } else {
                planned.add(existing);
            }
        }
        for (DbInstance instance : planned) {
            if (FAILED_INSTANCE_STATES.contains(instance.status())) {
                return new InstanceFailed(instance.id(), instance.status());
            }
        }
        if (!missing.isEmpty()) {
            return new CreateInstances(missing);
        }
        Map<String, String> pending = new java.util.TreeMap<>();
        planned.stream().filter(i -> !i.isAvailable()).forEach(i -> pending.put(i.id(), i.status()));
        if (!pending.isEmpty()) {
            return new WaitForInstances(pending);
        }
        return new Complete(planned);
    }
}
