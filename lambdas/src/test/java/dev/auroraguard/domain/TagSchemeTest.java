package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.TagScheme.NewSnapshotTags;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagSchemeTest {

    @Test
    void forNewSnapshot_should_putOurTagsFirst_when_noClusterTagsAreCopied() {
        // GIVEN a trigger reference and slot
        // WHEN the tags of a new scheduled snapshot are built
        NewSnapshotTags tags = TagScheme.forNewSnapshot(SnapshotKind.SCHEDULED, "event-1", DomainFixtures.SLOT, Map.of());
        // THEN they are exactly ours, in order
        assertThat(tags.tags()).containsExactly(
                Map.entry("aurora-guard:managed", "true"),
                Map.entry("aurora-guard:kind", "scheduled"),
                Map.entry("aurora-guard:trigger", "event-1"),
                Map.entry("aurora-guard:slot", "2026-11-25T03:00:00Z"));
        assertThat(tags.droppedKeys()).isEmpty();
    }

    @Test
    void forNewSnapshot_should_neverCopyReservedOrOwnKeys_when_clusterCarriesThem() {
        // GIVEN cluster tags including an aws: tag, our selection tag and a forged managed tag
        Map<String, String> cluster = Map.of("team", "payments", "aws:cloudformation:stack-name", "prod",
                "aurora-guard:backup", "true", "aurora-guard:managed", "false");
        // WHEN copied to a new snapshot
        NewSnapshotTags tags = TagScheme.forNewSnapshot(SnapshotKind.SCHEDULED, "event-1", DomainFixtures.SLOT, cluster);
        // THEN only the user tag is copied, and ours cannot be overridden
        assertThat(tags.tags()).containsEntry("team", "payments").containsEntry("aurora-guard:managed", "true")
                .doesNotContainKeys("aws:cloudformation:stack-name", "aurora-guard:backup").hasSize(5);
    }

    @Test
    void forNewSnapshot_should_reportDroppedKeys_when_fiftyTagLimitIsReached() {
        // GIVEN a cluster with 50 copyable tags (ours take 4 of the 50 allowed)
        Map<String, String> cluster = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            cluster.put(String.format("tag-%02d", i), "v");
        }
        // WHEN copied
        NewSnapshotTags tags = TagScheme.forNewSnapshot(SnapshotKind.SCHEDULED, "event-1", DomainFixtures.SLOT, cluster);
        // THEN 46 are copied in key order and the 4 that did not fit are reported
        assertThat(tags.tags()).hasSize(50);
        assertThat(tags.droppedKeys()).containsExactly("tag-46", "tag-47", "tag-48", "tag-49");
    }

    @Test
    void isManaged_should_requireExactlyTrue_when_checkingOwnership() {
        // GIVEN tags with and without our marker
        // WHEN ownership is checked / THEN only managed=true counts
        assertThat(TagScheme.isManaged(Map.of("aurora-guard:managed", "true"))).isTrue();
        assertThat(TagScheme.isManaged(Map.of("aurora-guard:managed", "false"))).isFalse();
        assertThat(TagScheme.isManaged(Map.of())).isFalse();
    }
}
