package dev.auroraguard.simulator.rds;

/**
 * The RDS events the simulator publishes, with the IDs, categories and messages of "Amazon RDS event
 * categories and event messages for Aurora". Messages are written as RDS sends them to EventBridge
 * (e.g. {@code "Creating manual cluster snapshot"}), i.e. without the documentation table's final period.
 */
enum RdsEvent {

    CLUSTER_CREATED("RDS-EVENT-0170", "creation", "DB cluster created", Source.CLUSTER),
    CLUSTER_DELETED("RDS-EVENT-0171", "deletion", "DB cluster deleted", Source.CLUSTER),
    CLUSTER_STOPPED("RDS-EVENT-0150", "notification", "DB cluster stopped", Source.CLUSTER),
    CLUSTER_STARTED("RDS-EVENT-0151", "notification", "DB cluster started", Source.CLUSTER),
    CLUSTER_AUTO_STARTING("RDS-EVENT-0153", "notification",
            "DB cluster is being started due to it exceeding the maximum allowed time being stopped", Source.CLUSTER),
    INSTANCE_CREATED("RDS-EVENT-0005", "creation", "DB instance created", Source.DB_INSTANCE),
    INSTANCE_DELETED("RDS-EVENT-0003", "deletion", "DB instance deleted", Source.DB_INSTANCE),
    MANUAL_SNAPSHOT_STARTED("RDS-EVENT-0074", "backup", "Creating manual cluster snapshot", Source.CLUSTER_SNAPSHOT),
    MANUAL_SNAPSHOT_CREATED("RDS-EVENT-0075", "backup", "Manual cluster snapshot created", Source.CLUSTER_SNAPSHOT),
    AUTOMATED_SNAPSHOT_STARTED("RDS-EVENT-0168", "backup", "Creating automated cluster snapshot", Source.CLUSTER_SNAPSHOT),
    AUTOMATED_SNAPSHOT_CREATED("RDS-EVENT-0169", "backup", "Automated cluster snapshot created", Source.CLUSTER_SNAPSHOT);

    /** The EventBridge {@code detail-type} and the detail's {@code SourceType} per kind of source. */
    enum Source {
        CLUSTER("RDS DB Cluster Event", "CLUSTER"),
        CLUSTER_SNAPSHOT("RDS DB Cluster Snapshot Event", "CLUSTER_SNAPSHOT"),
        DB_INSTANCE("RDS DB Instance Event", "DB_INSTANCE");

        final String detailType;
        final String sourceType;

        Source(String detailType, String sourceType) {
            this.detailType = detailType;
            this.sourceType = sourceType;
        }
    }

    final String eventId;
    final String category;
    final String message;
    final Source source;

    RdsEvent(String eventId, String category, String message, Source source) {
        this.eventId = eventId;
        this.category = category;
        this.message = message;
        this.source = source;
    }
}
