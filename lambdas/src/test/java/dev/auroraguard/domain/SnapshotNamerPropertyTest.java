package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SnapshotNamerPropertyTest {

    @Property(tries = 2000)
    void snapshotId_should_beValidRdsIdentifier_when_givenAnyValidClusterAndSlot(
            @ForAll("clusterIds") String cluster, @ForAll("slots") ScheduledSlot slot) {
        // GIVEN any valid cluster identifier and slot
        // WHEN the snapshot identifier is derived
        String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot);
        // THEN it is a valid RDS identifier of at most 63 characters, and the same inputs give it again
        assertThat(RdsIdentifier.problem(id)).isEmpty();
        assertThat(id).hasSizeLessThanOrEqualTo(63);
        assertThat(SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot)).isEqualTo(id);
    }

    @Property(tries = 300)
    void snapshotId_should_neverCollide_when_clusterSlotPairsDiffer(
            @ForAll @Size(min = 2, max = 40) List<@net.jqwik.api.From("clusterIds") String> clusters,
            @ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("slots") ScheduledSlot> slots) {
        // GIVEN many (cluster, slot) pairs, clusters compared as RDS compares them (case-insensitively)
        Map<String, String> pairByIdentifier = new HashMap<>();
        for (String cluster : clusters) {
            for (ScheduledSlot slot : slots) {
                String pair = cluster.toLowerCase() + "@" + slot;
                // WHEN each pair is named
                String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot);
                // THEN an identifier is only ever shared by the very same pair
                String previous = pairByIdentifier.putIfAbsent(id, pair);
                assertThat(previous == null || previous.equals(pair))
                        .as("identifier %s names both %s and %s", id, previous, pair).isTrue();
            }
        }
    }

    @Property(tries = 500)
    void snapshotId_should_differ_when_longClustersShareALongPrefix(@ForAll("longPrefixes") String prefix,
                                                                     @ForAll("suffixPairs") List<String> suffixes,
                                                                     @ForAll("slots") ScheduledSlot slot) {
        // GIVEN two long cluster names that differ only after a long shared prefix (truncation would collide)
        String a = prefix + suffixes.get(0);
        String b = prefix + suffixes.get(1);
        // WHEN both are named for the same slot / THEN the identifiers differ
        assertThat(SnapshotNamer.snapshotId(a, SnapshotKind.SCHEDULED, slot))
                .isNotEqualTo(SnapshotNamer.snapshotId(b, SnapshotKind.SCHEDULED, slot));
    }

    @Provide
    Arbitrary<String> clusterIds() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<String> body = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-ABCXYZ").ofMaxLength(62);
        // Many hyphens and lengths around the 39-character budget are where a naming rule breaks.
        Arbitrary<String> aroundBudget = Arbitraries.strings().withChars("ab-").ofMinLength(36).ofMaxLength(62);
        return Combinators.combine(first, Arbitraries.oneOf(body, aroundBudget))
                .as((c, rest) -> c + rest)
                .map(SnapshotNamerPropertyTest::repair)
                .filter(RdsIdentifier::isValid);
    }

    @Provide
    Arbitrary<String> longPrefixes() {
        return Arbitraries.strings().withChars("abcdefghij-").ofMinLength(40).ofMaxLength(55)
                .map(s -> "p" + s)
                .map(SnapshotNamerPropertyTest::repair)
                .filter(s -> s.length() >= 40 && !s.endsWith("-"));
    }

    @Provide
    Arbitrary<List<String>> suffixPairs() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(6)
                .list().ofSize(2).uniqueElements();
    }

    @Provide
    Arbitrary<ScheduledSlot> slots() {
        long earliest = ScheduledSlot.EARLIEST.getEpochSecond() / 60;
        long latest = ScheduledSlot.LATEST.getEpochSecond() / 60;
        Arbitrary<Long> anyMinute = Arbitraries.longs().between(earliest, latest);
        // Neighbouring minutes around "now" as well, where a formatting slip would show.
        Arbitrary<Long> nearNow = Arbitraries.longs().between(29_000_000L, 29_000_100L);
        return Arbitraries.oneOf(anyMinute, nearNow).map(m -> new ScheduledSlot(Instant.ofEpochSecond(m * 60)));
    }

    /** Turns an arbitrary string into a valid identifier: no double or trailing hyphens, at most 63 characters. */
    private static String repair(String s) {
        String r = s.replaceAll("-{2,}", "-");
        if (r.length() > 63) {
            r = r.substring(0, 63);
        }
        while (r.endsWith("-")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
