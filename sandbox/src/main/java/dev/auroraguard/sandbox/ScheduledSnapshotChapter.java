package dev.auroraguard.sandbox;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Demo chapter: nightly scheduled snapshots, a duplicated event, and a cluster busy at 03:00. */
final class ScheduledSnapshotChapter {

    private final Narrator narrator;
    private final Simulator simulator;
    private final SandboxClients aws;
    private final EventRouter router;

    ScheduledSnapshotChapter(Narrator narrator, Simulator simulator, SandboxClients aws, EventRouter router) {
        this.narrator = narrator;
        this.simulator = simulator;
        this.aws = aws;
        this.router = router;
    }

    void run(Instant firstNight, int nights) {
        EventPatterns schedule = EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE;
        narrator.chapter("Nightly scheduled snapshots");
        narrator.say("The schedule rule fires " + schedule.defaultSchedule().orElseThrow() + " and invokes scheduled-snapshot with"
                + " EventBridge's \"Scheduled Event\";\nthe function snapshots every cluster tagged aurora-guard:backup=true.");

        String lastEvent = null;
        for (int night = 0; night < nights; night++) {
            simulator.clock().setInstant(firstNight.plus(Duration.ofDays(night)));
            lastEvent = router.scheduledEvent(schedule, UUID.randomUUID().toString(), simulator.clock().instant());
            narrator.step("EventBridge fires the schedule rule (event " + DemoText.shortId(lastEvent) + ").");
            describe(router.fire(schedule, lastEvent));
            simulator.clock().advance(Duration.ofMinutes(5));
            List<EventRouter.Delivery> followUps = router.deliverPending();
            narrator.step("RDS finishes the snapshot and publishes RDS-EVENT-0075; the rule "
                    + EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT.ruleName() + " routes it:");
            describe(followUps);
        }

        int before = aws.manualSnapshotCount();
        narrator.step("EventBridge delivers the last Scheduled Event a second time (delivery is at-least-once).");
        describe(router.fire(schedule, lastEvent));
        narrator.detail("manual snapshots before: " + before + ", after: " + aws.manualSnapshotCount() + " - the identifier comes from the"
                + " scheduled slot, so the retry finds its own snapshot and creates nothing.");

        busyCluster(schedule, firstNight.plus(Duration.ofDays(nights)));
        narrator.step("Outcome events on the aurora-guard bus so far:");
        narrator.detail(DemoText.countByDetailType(simulator.events().onBus(SandboxDefaults.EVENT_BUS)));
    }

    private void busyCluster(EventPatterns schedule, Instant night) {
        simulator.clock().setInstant(night.minus(Duration.ofMinutes(2)));
        narrator.step("At 02:58 an engineer takes a manual snapshot before a hotfix: orders-db is backing-up for a few minutes.");
        aws.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier(SandboxSeed.CLUSTER).dbClusterSnapshotIdentifier("orders-db-before-hotfix"));
        narrator.detail("cluster status: " + clusterStatus());

        simulator.clock().setInstant(night);
        String event = router.scheduledEvent(schedule, UUID.randomUUID().toString(), simulator.clock().instant());
        narrator.step("03:00: the schedule fires while the cluster is busy.");
        List<EventRouter.Delivery> first = router.fire(schedule, event);
        describe(first);
        narrator.detail("The invocation fails on purpose (SNAPSHOT_ON_CLUSTER_UNAVAILABLE=fail): Lambda retries an asynchronous"
                + "\ninvocation that failed, after about one and then two more minutes, with the same event.");

        simulator.clock().advance(Duration.ofMinutes(3));
        router.deliverPending();
        narrator.step("Lambda's retry, once the engineer's snapshot is done (cluster " + clusterStatus() + "):");
        describe(router.fire(schedule, event));
        simulator.clock().advance(Duration.ofMinutes(5));
        describe(router.deliverPending());
    }

    private void describe(List<EventRouter.Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            narrator.detail("(no rule matched)");
        }
        for (EventRouter.Delivery delivery : deliveries) {
            narrator.detail(DemoText.outcomeLine(delivery));
        }
    }

    private String clusterStatus() {
        return aws.cluster(SandboxSeed.CLUSTER).status();
    }
}
