package dev.auroraguard.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Small builders for domain records in tests. */
final class DomainFixtures {

    static final ScheduledSlot SLOT = ScheduledSlot.containing(Instant.parse("2026-11-25T03:00:00Z"));

    private DomainFixtures() {
    }

    static Cluster cluster(String id, String status, Map<String, String> tags) {
        return new Cluster(id, "arn:aws:rds:eu-west-1:123456789012:cluster:" + id, status, tags, false);
    }

    static Cluster available(String id) {
        return cluster(id, Cluster.AVAILABLE, Map.of());
    }

    static SnapshotTrigger scheduled(String reference) {
        return new SnapshotTrigger(SnapshotTrigger.Type.SCHEDULED_EVENT, reference, SLOT, Optional.empty(), Optional.empty(), false);
    }

    static Snapshot snapshot(String id, String clusterId, String status, Map<String, String> tags) {
        return new Snapshot(id, "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:" + id, clusterId, status,
                Optional.of(SLOT.start()), tags);
    }
}
