package dev.auroraguard.simulator.rds;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Everything the simulated RDS account holds; saved and restored as JSON. Keys are lower-case identifiers. */
final class RdsState {

    public TreeMap<String, ClusterRecord> clusters = new TreeMap<>();
    public TreeMap<String, InstanceRecord> instances = new TreeMap<>();
    /** Own snapshots by identifier; snapshots shared by other accounts by ARN. */
    public TreeMap<String, SnapshotRecord> snapshots = new TreeMap<>();
    public List<ScheduledTransition> schedule = new ArrayList<>();
    public long transitionSequence;
    public long resourceSequence;
    public long eventSequence;
}
