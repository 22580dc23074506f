package dev.auroraguard.domain.restore;

import static dev.auroraguard.domain.restore.RestoreFixtures.instance;
import static dev.auroraguard.domain.restore.RestoreFixtures.restore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

    private static final Instant T = Instant.parse("2026-11-25T03:40:00Z");
    private static final String ID = "orders-db-pitr-20261125-034000";

    @Test
    void next_should_wait_when_theClusterIsStillCreating() {
        assertThat(RestoreProgress.next(restore(ID, "creating", T, RestoreOrigin.REQUEST, Map.of()), List.of()))
                .isEqualTo(new RestoreProgress.WaitForCluster("creating"));
    }

    @Test
    void next_should_createTheMissingInstancesInOrder_when_theClusterIsAvailable() {
        RestoredCluster r = restore(ID, "available", T, RestoreOrigin.REQUEST, Map.of());
        assertThat(RestoreProgress.next(r, List.of())).isEqualTo(new RestoreProgress.CreateInstances(r.plan()));
        assertThat(RestoreProgress.next(r, List.of(instance(ID + "-1", "creating"))))
                .isEqualTo(new RestoreProgress.CreateInstances(List.of(r.plan().get(1))));
    }

    @Test
    void next_should_waitThenComplete_when_instancesExist() {
        RestoredCluster r = restore(ID, "available", T, RestoreOrigin.REQUEST, Map.of());
        assertThat(RestoreProgress.next(r, List.of(instance(ID + "-1", "available"), instance(ID + "-2", "creating"))))
                .isEqualTo(new RestoreProgress.WaitForInstances(Map.of(ID + "-2", "creating")));
        assertThat(RestoreProgress.next(r, List.of(instance(ID + "-1", "available"), instance(ID + "-2", "available"))))
                .isInstanceOf(RestoreProgress.Complete.class);
    }

    @Test
    void next_should_fail_when_clusterOrInstanceCannotRecover() {
        assertThat(RestoreProgress.next(restore(ID, "incompatible-restore", T, RestoreOrigin.REQUEST, Map.of()), List.of()))
                .isEqualTo(new RestoreProgress.ClusterFailed("incompatible-restore"));
        RestoredCluster r = restore(ID, "available", T, RestoreOrigin.REQUEST, Map.of());
        assertThat(RestoreProgress.next(r, List.of(instance(ID + "-1", "incompatible-parameters"))))
                .isEqualTo(new RestoreProgress.InstanceFailed(ID + "-1", "incompatible-parameters"));
    }

    @Test
    void next_should_doNothing_when_theRestoreFinished() {
        RestoredCluster done = restore(ID, "available", T, RestoreOrigin.REQUEST, RestoreFixtures.completedAt(T));
        assertThat(RestoreProgress.next(done, List.of())).isEqualTo(new RestoreProgress.Finished());
    }
}
