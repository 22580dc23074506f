package dev.auroraguard.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.RdsIdentifier;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RestoreNamerPropertyTest {

    @Test
    void pointInTimeTarget_should_nameSourceAndInstant() {
        assertThat(RestoreNamer.pointInTimeTarget("Orders-DB", Instant.parse("2026-11-25T03:45:07Z")))
                .isEqualTo("orders-db-pitr-20261125-034507");
        assertThat(RestoreNamer.snapshotTarget("orders-db", Instant.parse("2026-11-25T03:00:41Z"))).isEqualTo("orders-db-snap-20261125-030041");
        assertThat(RestoreNamer.instance("orders-db-pitr-20261125-034507", 1)).isEqualTo("orders-db-pitr-20261125-034507-1");
    }

    @Property
    void target_and_instances_should_alwaysBeValidIdentifiers(@ForAll("clusters") String source,
                                                              @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds) {
        String target = RestoreNamer.pointInTimeTarget(source, Instant.ofEpochSecond(seconds));
        assertThat(target.length()).isLessThanOrEqualTo(RestoreNamer.MAX_CLUSTER_LENGTH);
        assertThat(RdsIdentifier.problem(target)).isEmpty();
        assertThat(RdsIdentifier.problem(RestoreNamer.instance(target, 16))).isEmpty();
    }

    @Property
    void target_should_differ_when_sourcesDiffer(@ForAll("clusters") String a, @ForAll("clusters") String b) {
        Instant at = Instant.parse("2026-11-25T03:45:07Z");
        if (!a.equalsIgnoreCase(b)) {
            assertThat(RestoreNamer.pointInTimeTarget(a, at)).isNotEqualTo(RestoreNamer.pointInTimeTarget(b, at));
        }
    }

    @Provide
    Arbitrary<String> clusters() {
        Arbitrary<String> first = Arbitraries.strings().withCharRange('a', 'z').ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMinLength(0).ofMaxLength(62);
        return net.jqwik.api.Combinators.combine(first, rest).as((f, r) -> f + r)
                .filter(RdsIdentifier::isValid);
    }
}
