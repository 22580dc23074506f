package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.protocol.ServiceModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.rds.RdsClient;

/** Sixteen clients at once against one simulator. */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 15;

    @Test
    void simulator_should_answerEveryCall_when_sixteenClientsCallAtOnce() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build());
                EventBridgeClient events = SdkClients.eventBridge(simulator);
                RdsClient rds = SdkClients.rds(simulator)) {
            simulator.register(ServiceModel.RDS, FakeRds::new);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch startTogether = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            try {
                // GIVEN sixteen threads released at the same moment
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        startTogether.await();
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            String detail = "{\"thread\":" + thread + ",\"call\":" + i + "}";
                            ids.add(events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("aurora-guard.load")
                                    .detailType("Load").detail(detail).build())).entries().get(0).eventId());
                        }
                        rds.createDBCluster(r -> r.dbClusterIdentifier("cluster-" + thread).engine("aurora-postgresql"));
                        return ids;
                    }));
                }

                // WHEN
                startTogether.countDown();
                HashSet<String> ids = new HashSet<>();
                for (Future<List<String>> result : results) {
                    ids.addAll(result.get(60, TimeUnit.SECONDS));
                }

                // THEN every call was answered once, with distinct event ids, and no state was lost
                assertThat(ids).hasSize(THREADS * CALLS_PER_THREAD);
                assertThat(simulator.events().size()).isEqualTo(THREADS * CALLS_PER_THREAD);
                assertThat(rds.describeDBClusters().dbClusters()).hasSize(THREADS);
                assertThat(simulator.faults().calls("PutEvents")).isEqualTo(THREADS * CALLS_PER_THREAD);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
