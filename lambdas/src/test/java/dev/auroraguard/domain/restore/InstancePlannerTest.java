package dev.auroraguard.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstancePlannerTest {

    private static final ClusterDetails SOURCE = RestoreFixtures.cluster("orders-db", "available", Map.of(),
            List.of(new ClusterDetails.Member("orders-db-2", false), new ClusterDetails.Member("orders-db-1", true)));
    private static final List<DbInstance> INSTANCES = List.of(
            new DbInstance("orders-db-1", "orders-db", "db.r6g.xlarge", "available", Optional.of("writer-pg"), 0, Optional.empty(), Optional.empty()),
            new DbInstance("orders-db-2", "orders-db", "db.r6g.large", "available", Optional.of("reader-pg"), 2, Optional.empty(), Optional.empty()));

    @Test
    void plan_should_copyTheWriterOnly_when_noReaders() {
        assertThat(InstancePlanner.plan(SOURCE, INSTANCES, new ReaderPolicy.None(), Optional.empty())).isEqualTo(new InstancePlanner.Planned(
                List.of(new PlannedInstance(1, "db.r6g.xlarge", Optional.of("writer-pg"), 0))));
    }

    @Test
    void plan_should_copyEachReader_when_same() {
        assertThat(InstancePlanner.plan(SOURCE, INSTANCES, ReaderPolicy.parse("same"), Optional.empty())).isEqualTo(new InstancePlanner.Planned(
                List.of(new PlannedInstance(1, "db.r6g.xlarge", Optional.of("writer-pg"), 0),
                        new PlannedInstance(2, "db.r6g.large", Optional.of("reader-pg"), 2))));
    }

    @Test
    void plan_should_useTheOverride_and_refuseWithoutAWriter() {
        assertThat(InstancePlanner.plan(SOURCE, INSTANCES, ReaderPolicy.parse("2"), Optional.of("db.t4g.medium")))
                .isInstanceOfSatisfying(InstancePlanner.Planned.class, p -> assertThat(p.instances()).hasSize(3)
                        .allSatisfy(i -> assertThat(i.instanceClass()).isEqualTo("db.t4g.medium")));
        ClusterDetails headless = RestoreFixtures.cluster("orders-db", "available", Map.of(), List.of());
        assertThat(InstancePlanner.plan(headless, List.of(), new ReaderPolicy.None(), Optional.empty()))
                .isInstanceOfSatisfying(InstancePlanner.Impossible.class, i -> assertThat(i.reason()).contains("RESTORE_INSTANCE_CLASS"));
    }
}
