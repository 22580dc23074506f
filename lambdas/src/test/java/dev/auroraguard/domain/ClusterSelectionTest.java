package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.available;
import static dev.auroraguard.domain.DomainFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSelectionTest {

    private static final TagSelector BACKUP = TagSelector.parse("aurora-guard:backup=true");

    @Test
    void apply_should_reportMissing_when_listedClusterDoesNotExist() {
        // GIVEN a listed selection naming one existing and one missing cluster
        ClusterSelection selection = ClusterSelection.listed(List.of("orders-db", "ghost-db"));
        // WHEN applied to what RDS described
        ClusterSelection.Selected selected = selection.apply(List.of(available("orders-db")));
        // THEN the missing one is reported, not dropped
        assertThat(selected.clusters()).extracting(Cluster::id).containsExactly("orders-db");
        assertThat(selected.missingIds()).containsExactly("ghost-db");
    }

    @Test
    void apply_should_addTaggedClustersOnce_when_listAndTagOverlap() {
        // GIVEN a listed cluster that is also tagged, two more tagged ones and an untagged one
        ClusterSelection selection = new ClusterSelection(List.of("orders-db"), Optional.of(BACKUP));
        List<Cluster> all = List.of(
                cluster("zeta-db", "available", Map.of("aurora-guard:backup", "true")),
                cluster("orders-db", "available", Map.of("aurora-guard:backup", "true")),
                cluster("alpha-db", "available", Map.of("aurora-guard:backup", "TRUE")),
                cluster("scratch-db", "available", Map.of("aurora-guard:backup", "false")));
        // WHEN applied
        ClusterSelection.Selected selected = selection.apply(all);
        // THEN listed first, then tagged by identifier, each once; the value matches case-insensitively
        assertThat(selected.clusters()).extracting(Cluster::id).containsExactly("orders-db", "alpha-db", "zeta-db");
        assertThat(selected.missingIds()).isEmpty();
    }

    @Test
    void constructor_should_lowerCaseAndDeduplicate_when_listedTwice() {
        // GIVEN the same cluster listed in two cases
        // WHEN the selection is made / THEN it is listed once, lower case
        assertThat(ClusterSelection.listed(List.of("Orders-DB", "orders-db")).listed()).containsExactly("orders-db");
    }

    @Test
    void constructor_should_refuse_when_nothingIsSelected() {
        // GIVEN no list and no tag / WHEN a selection is made / THEN it is refused
        assertThatThrownBy(() -> new ClusterSelection(List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
