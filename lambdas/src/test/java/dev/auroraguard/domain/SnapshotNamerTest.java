package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotNamerTest {

    private static final ScheduledSlot SLOT = ScheduledSlot.containing(Instant.parse("2026-11-25T03:00:42Z"));

    @Test
    void snapshotId_should_combineClusterKindAndSlot_when_clusterNameIsShort() {
        // GIVEN a short cluster name and a slot
        // WHEN the identifier is derived
        String id = SnapshotNamer.snapshotId("orders-db", SnapshotKind.SCHEDULED, SLOT);
        // THEN it is readable and exactly the documented form
        assertThat(id).isEqualTo("orders-db-scheduled-20261125-0300");
    }

    @Test
    void snapshotId_should_lowerCaseTheCluster_when_givenMixedCase() {
        // GIVEN the same cluster written in two cases (RDS identifiers are case-insensitive)
        // WHEN identifiers are derived / THEN they are the same
        assertThat(SnapshotNamer.snapshotId("Orders-DB", SnapshotKind.SCHEDULED, SLOT))
                .isEqualTo(SnapshotNamer.snapshotId("orders-db", SnapshotKind.SCHEDULED, SLOT));
    }

    @Test
    void snapshotId_should_shortenWithDigest_when_clusterNameIsLong() {
        // GIVEN two 63-character cluster names differing only in their last character
        String a = "analytics-warehouse-primary-cluster-eu-west-1-production-zone-a";
        String b = "analytics-warehouse-primary-cluster-eu-west-1-production-zone-b";
        assertThat(a).hasSize(63);

        // WHEN identifiers are derived
        String idA = SnapshotNamer.snapshotId(a, SnapshotKind.SCHEDULED, SLOT);
        String idB = SnapshotNamer.snapshotId(b, SnapshotKind.SCHEDULED, SLOT);

        // THEN both are valid, at most 63 characters, keep a readable prefix, and differ (no truncation collision)
        assertThat(idA).hasSizeLessThanOrEqualTo(63).startsWith("analytics-warehouse-primar").endsWith("-scheduled-20261125-0300");
        assertThat(RdsIdentifier.isValid(idA)).isTrue();
        assertThat(RdsIdentifier.isValid(idB)).isTrue();
        assertThat(idA).isNotEqualTo(idB);
    }

    @Test
    void snapshotId_should_notEndPrefixWithHyphen_when_cutFallsOnAHyphen() {
        // GIVEN a long name whose 26th character is a hyphen
        String cluster = "abcdefghijklmnopqrstuvwxy-" + "z".repeat(20);
        // WHEN the identifier is derived
        String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, SLOT);
        // THEN it is still valid (no double hyphen) and the cluster part still fills the whole budget
        assertThat(RdsIdentifier.isValid(id)).isTrue();
        assertThat(id).hasSize(SnapshotNamer.clusterBudget(SnapshotKind.SCHEDULED) + "-scheduled-20261125-0300".length());
    }

    @Test
    void snapshotId_should_keepVerbatimUpToBudgetMinusOne_when_nameFits() {
        // GIVEN names of 38 and 39 characters (the scheduled budget is 39)
        String fits = "a".repeat(38);
        String atBudget = "a".repeat(39);
        // WHEN identifiers are derived
        // THEN 38 is kept verbatim and 39 is shortened (so a verbatim name can never equal a shortened one)
        assertThat(SnapshotNamer.clusterBudget(SnapshotKind.SCHEDULED)).isEqualTo(39);
        assertThat(SnapshotNamer.snapshotId(fits, SnapshotKind.SCHEDULED, SLOT)).startsWith(fits + "-scheduled-");
        assertThat(SnapshotNamer.snapshotId(atBudget, SnapshotKind.SCHEDULED, SLOT)).doesNotStartWith(atBudget);
        assertThat(SnapshotNamer.snapshotId(atBudget, SnapshotKind.SCHEDULED, SLOT)).hasSize(63);
    }

    @Test
    void snapshotId_should_refuse_when_clusterIdIsInvalid() {
        // GIVEN an invalid cluster identifier
        // WHEN an identifier is derived / THEN it is refused, naming the cluster
        assertThatThrownBy(() -> SnapshotNamer.snapshotId("orders_db", SnapshotKind.SCHEDULED, SLOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders_db");
    }
}
