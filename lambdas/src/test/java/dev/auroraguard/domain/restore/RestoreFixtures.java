package dev.auroraguard.domain.restore;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain values for restore tests. */
final class RestoreFixtures {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    private RestoreFixtures() {
    }

    static ClusterDetails cluster(String id, String status, Map<String, String> tags, List<ClusterDetails.Member> members) {
        return new ClusterDetails(id, "arn:aws:rds:eu-west-1:123456789012:cluster:" + id, status, "aurora-postgresql", "16.4", 5432,
                Optional.of("orders-subnets"), List.of("sg-1"), Optional.of("orders-pg"), true, Optional.of("arn:aws:kms:key"), true,
                Optional.empty(), List.of("postgresql"), true,
                Optional.of(new RestoreWindow(NOW.minusSeconds(7 * 86_400), NOW.minusSeconds(300))),
                Optional.of(id + ".cluster-x.eu-west-1.rds.amazonaws.com"), Optional.of(id + ".cluster-ro-x.eu-west-1.rds.amazonaws.com"),
                members, tags, Optional.of(NOW.minusSeconds(30 * 86_400)));
    }

    static RestoreRequest request(RestoreOrigin origin, Instant at) {
        return new RestoreRequest("orders-db", new RestorePoint.At(at), Optional.empty(), RestoreType.FULL_COPY, "why", "alice", origin,
                "evt-1", NOW);
    }

    /** A restored cluster of orders-db to {@code restoreTime}, with a writer and one reader planned. */
    static RestoredCluster restore(String id, String status, Instant restoreTime, RestoreOrigin origin, Map<String, String> extraTags) {
        RestoreRequest request = new RestoreRequest("orders-db", new RestorePoint.At(restoreTime), Optional.empty(), RestoreType.FULL_COPY,
                "why", "alice", origin, "evt-" + id, NOW);
        List<PlannedInstance> plan = List.of(new PlannedInstance(1, "db.r6g.large", Optional.of("pg"), 1),
                new PlannedInstance(2, "db.r6g.large", Optional.of("pg"), 1));
        Map<String, String> tags = new LinkedHashMap<>(RestoredCluster.tagsFor(request, restoreTime, plan, Map.of()).tags());
        tags.putAll(extraTags);
        return RestoredCluster.from(cluster(id, status, tags, List.of())).orElseThrow();
    }

    static Map<String, String> completedAt(Instant when) {
        return Map.of(TagScheme.RESTORE_COMPLETED, when.toString());
    }

    static DbInstance instance(String id, String status) {
        return new DbInstance(id, "restored", "db.r6g.large", status, Optional.of("pg"), 1, Optional.of(id + ".x.rds.amazonaws.com"), Optional.empty());
    }
}
