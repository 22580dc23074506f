package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class PreDeploySnapshotNamerPropertyTest {

    @Example
    void preDeploySnapshotId_should_matchTheDocumentedExample_when_givenTheFixturesRequest() {
        // GIVEN the request fixture's event id / WHEN named / THEN as the README computes it with openssl and base32
        assertThat(SnapshotNamer.preDeploySnapshotId("orders-db", "6a7e8feb-b491-4cf7-a9f1-bf3703467718"))
                .isEqualTo("orders-db-pre-deploy-vnov7in3g2li");
        assertThat(SnapshotNamer.preDeploySnapshotId("Orders-DB", "6a7e8feb-b491-4cf7-a9f1-bf3703467718"))
                .isEqualTo("orders-db-pre-deploy-vnov7in3g2li");
    }

    @Example
    void preDeploySnapshotId_should_refuse_when_referenceIsBlank() {
        assertThatThrownBy(() -> SnapshotNamer.preDeploySnapshotId("orders-db", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void preDeploySnapshotId_should_beAValidRdsIdentifier_when_givenAnyValidClusterAndReference(
            @ForAll("clusterIds") String cluster, @ForAll("references") String reference) {
        // GIVEN any valid cluster identifier and request reference / WHEN named
        String id = SnapshotNamer.preDeploySnapshotId(cluster, reference);
        // THEN a valid RDS identifier, the kind readable in it, and the same inputs give it again
        assertThat(RdsIdentifier.problem(id)).isEmpty();
        assertThat(id).hasSizeLessThanOrEqualTo(63).contains("-pre-deploy-");
        assertThat(id).endsWith("-pre-deploy-" + SnapshotNamer.requestDigest(reference));
        assertThat(SnapshotNamer.preDeploySnapshotId(cluster, reference)).isEqualTo(id);
        if (cluster.length() <= 38) {
            assertThat(id).startsWith(cluster.toLowerCase(java.util.Locale.ROOT) + "-pre-deploy-");
        }
    }

    @Property(tries = 300)
    void preDeploySnapshotId_should_neverCollide_when_clusterReferencePairsDiffer(
            @ForAll @Size(min = 2, max = 30) List<@From("clusterIds") String> clusters,
            @ForAll @Size(min = 1, max = 8) List<@From("references") String> references) {
        // GIVEN many (cluster, reference) pairs, clusters compared as RDS compares them
        Map<String, String> pairById = new HashMap<>();
        for (String cluster : clusters) {
            for (String reference : references) {
                String pair = cluster.toLowerCase(java.util.Locale.ROOT) + "@" + reference.toLowerCase(java.util.Locale.ROOT);
                // WHEN each pair is named / THEN an identifier belongs to one pair only
                String previous = pairById.putIfAbsent(SnapshotNamer.preDeploySnapshotId(cluster, reference), pair);
                assertThat(previous == null || previous.equals(pair)).as("%s and %s", previous, pair).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<String> clusterIds() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<String> body = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-ABCXYZ").ofMaxLength(62);
        Arbitrary<String> aroundBudget = Arbitraries.strings().withChars("ab-").ofMinLength(35).ofMaxLength(62);
        return Combinators.combine(first, Arbitraries.oneOf(body, aroundBudget))
                .as((c, rest) -> c + rest)
                .map(s -> s.replaceAll("-{2,}", "-").replaceAll("-+$", ""))
                .filter(RdsIdentifier::isValid);
    }

    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> uuids = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<String> anything = Arbitraries.strings().ofMinLength(1).ofMaxLength(80).filter(s -> !s.isBlank());
        return Arbitraries.oneOf(uuids, anything);
    }
}
