package dev.auroraguard.simulator.rds;

import java.time.Instant;

/** A state change RDS will make by itself at {@code dueAt} (e.g. a snapshot becoming available). */
final class ScheduledTransition {

    enum Kind {
        CLUSTER_AVAILABLE,
        CLUSTER_STOPPED,
        CLUSTER_STARTED,
        CLUSTER_AUTO_START,
        CLUSTER_GONE,
        INSTANCE_AVAILABLE,
        INSTANCE_GONE,
        SNAPSHOT_AVAILABLE
    }

    public Kind kind;
    public String resource;
    public Instant dueAt;
    /** Breaks ties between transitions due at the same instant: first scheduled, first applied. */
    public long sequence;

    ScheduledTransition() {
    }

    ScheduledTransition(Kind kind, String resource, Instant dueAt, long sequence) {
        this.kind = kind;
        this.resource = resource;
        this.dueAt = dueAt;
        this.sequence = sequence;
    }
}
