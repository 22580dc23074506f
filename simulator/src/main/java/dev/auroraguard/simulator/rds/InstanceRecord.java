package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.LinkedHashMap;

/** One DB instance (always a member of an Aurora cluster in this simulator). */
final class InstanceRecord {

    public String identifier;
    public String resourceId;
    public String clusterIdentifier;
    public String instanceClass;
    public String engine;
    public String engineVersion;
    public String availabilityZone;
    public String parameterGroup;
    public int promotionTier = 1;
    public boolean publiclyAccessible;
    public boolean autoMinorVersionUpgrade = true;
    public boolean writer;
    public LinkedHashMap<String, String> tags = new LinkedHashMap<>();

    public String status;
    public Instant requestedAt;
    /** RDS reports InstanceCreateTime once the instance exists, i.e. when it becomes available. */
    public Instant createTime;
    /** Order of creation within the cluster: the oldest remaining instance takes over as writer. */
    public long sequence;
}
