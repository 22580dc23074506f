package dev.auroraguard.domain.restore;

import static dev.auroraguard.domain.restore.RestoreFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestoredClusterTest {

    private static final Instant T = Instant.parse("2026-11-25T03:40:00Z");

    @Test
    void tagsFor_should_writeOurTagsFirstAndReadBack_when_restoreStarts() {
        // GIVEN a request with a reason RDS would refuse as a tag value, and a source with many tags
        RestoreRequest request = new RestoreRequest("orders-db", new RestorePoint.At(T), Optional.empty(), RestoreType.FULL_COPY,
                "migration #142 (rollback!) dropped orders.customer_ref", "alice@example.com", RestoreOrigin.REQUEST, "evt-9", NOW);
        List<PlannedInstance> plan = List.of(new PlannedInstance(1, "db.r6g.large", Optional.of("orders-pg"), 0),
                new PlannedInstance(2, "db.serverless", Optional.empty(), 1));
        Map<String, String> source = new LinkedHashMap<>();
        IntStream.range(0, 45).forEach(i -> source.put("tag-" + (100 + i), "v"));
        source.put("aurora-guard:backup", "true");
        source.put("aws:cloudformation:stack-name", "x");

        // WHEN
        RestoredCluster.NewClusterTags tags = RestoredCluster.tagsFor(request, T, plan, source);

        // THEN ours first, sanitized, the rest until the 50-tag limit, and the dropped keys reported
        assertThat(tags.tags()).hasSize(TagScheme.MAX_TAGS_PER_RESOURCE).containsEntry(TagScheme.RESTORE_REASON,
                "migration 142 rollback dropped orders.customer_ref").doesNotContainKeys("aurora-guard:backup", "aws:cloudformation:stack-name");
        assertThat(tags.droppedKeys()).hasSize(45 - (TagScheme.MAX_TAGS_PER_RESOURCE - 12));
        RestoredCluster read = RestoredCluster.from(RestoreFixtures.cluster("orders-db-pitr-20261125-034000", "creating", tags.tags(),
                List.of())).orElseThrow();
        assertThat(read.sourceCluster()).isEqualTo("orders-db");
        assertThat(read.restoreTime()).isEqualTo(T);
        assertThat(read.plan()).isEqualTo(plan);
        assertThat(read.origin()).isEqualTo(RestoreOrigin.REQUEST);
        assertThat(read.requestedAt()).isEqualTo(NOW);
        assertThat(read.inFlight()).isTrue();
    }

    @Test
    void from_should_ignoreOtherClusters_and_failLoudly_when_ourTagsWereEdited() {
        assertThat(RestoredCluster.from(RestoreFixtures.cluster("orders-db", "available", Map.of("team", "x"), List.of()))).isEmpty();
        Map<String, String> broken = Map.of(TagScheme.MANAGED, "true", TagScheme.KIND, "restore", TagScheme.RESTORED_FROM, "orders-db",
                TagScheme.RESTORE_TIME, "yesterday", TagScheme.RESTORE_INSTANCE_PREFIX + "1", "class=db.r6g.large tier=1");
        assertThatThrownBy(() -> RestoredCluster.from(RestoreFixtures.cluster("x", "available", broken, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aurora-guard:restore-time");
    }

    @Test
    void tagValue_should_keepAllowedCharactersAndCut_when_tooLong() {
        assertThat(TagScheme.tagValue("a:b/c=d+e-f@g_h.i j")).isEqualTo("a:b/c=d+e-f@g_h.i j");
        assertThat(TagScheme.tagValue("x".repeat(300))).hasSize(256).endsWith("...");
    }
}
