package dev.auroraguard.sandbox;

import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.Flags;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;

/**
 * {@code ./aurora-guard demo}: the whole story on a simulated clock, in-process, with no AWS, Docker or
 * network: the simulator, a realistic cluster, and what each function does to it.
 */
final class DemoCommand implements Command {

    /**
     * How far back the story starts. The functions read the real clock, as in Lambda, so the whole story
     * (four nights, then two months of them) must lie in the past; the simulator's clock replays it.
     */
    static final int DAYS_OF_HISTORY = 70;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the guided tour: a simulated Aurora cluster and what aurora-guard's functions do to it";
    }

    @Override
    public String usage() {
        return """
                Usage: ./aurora-guard demo

                Starts the simulator in this process on a simulated clock, seeds an Aurora PostgreSQL cluster
                and narrates, step by step, what aurora-guard's functions do to it. Needs no AWS account,
                Docker or network; takes about half a minute; changes nothing outside this process.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Flags.parse(name(), args, Set.of(), Set.of()).allowPositionals(0);
        Instant firstNight = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS_OF_HISTORY).atTime(3, 0).toInstant(ZoneOffset.UTC);
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder()
                .clock(SimClock.manual(firstNight.minus(Duration.ofMinutes(90)))).eventBus(SandboxDefaults.EVENT_BUS).build();
        try (Simulator simulator = Simulator.start(options);
             SandboxClients aws = new SandboxClients(simulator.endpoint(), simulator.region())) {
            LambdaInvoker invoker = new LambdaInvoker(simulator.endpoint(), simulator.region(), SandboxDefaults.functionEnvironment());
            EventRouter router = new EventRouter(simulator, invoker);
            Narrator narrator = new Narrator(out, simulator.clock()::instant);
            narrator.say("aurora-guard demo: everything below runs in this process against the aurora-guard simulator at "
                    + simulator.endpoint() + ",");
            narrator.say("through the real AWS SDK, on a simulated clock (RDS's minutes pass in milliseconds).");
            new ClusterChapter(narrator, simulator, aws).run();
            router.deliverPending();
            new ScheduledSnapshotChapter(narrator, simulator, aws, router).run(firstNight, 3);
            new CleanupChapter(narrator, simulator, aws, router).run(firstNight.plus(Duration.ofDays(4)), 60);
            new PreDeployChapter(narrator, simulator, aws, router, invoker).run();
            new RestoreChapter(narrator, simulator, aws, router, invoker).run();
            router.close();
        }
        out.println();
        out.println("Demo finished. Next: ./aurora-guard sandbox serve, and point the AWS CLI at it (see README.md).");
        return Main.EXIT_OK;
    }

    /** Chapter: the cluster a platform team already runs. */
    record ClusterChapter(Narrator narrator, Simulator simulator, SandboxClients aws) {

        void run() {
            narrator.chapter("An Aurora PostgreSQL cluster in production");
            narrator.step("The platform team creates " + SandboxSeed.CLUSTER + " (CreateDBCluster).");
            SandboxSeed.createCluster(aws.rds(), simulator.region());
            narrator.detail("status: " + cluster().status() + " - Aurora creates the cluster volume first; no instances yet");

            simulator.clock().advance(Duration.ofMinutes(10));
            narrator.step("Ten minutes later the cluster is " + cluster().status() + "; the writer and a reader are added (CreateDBInstance).");
            SandboxSeed.createInstances(aws.rds());
            simulator.clock().advance(Duration.ofMinutes(8));

            DBCluster cluster = cluster();
            narrator.step("The cluster as aurora-guard sees it (DescribeDBClusters):");
            narrator.detail("""
                    %s  %s %s  status %s
                    writer endpoint  %s
                    reader endpoint  %s
                    members          %s
                    subnet group %s, security group %s, parameter group %s
                    storage encrypted with %s
                    backups kept %d days; restorable from %s to %s
                    tags             %s"""
                    .formatted(cluster.dbClusterIdentifier(), cluster.engine(), cluster.engineVersion(), cluster.status(),
                            cluster.endpoint(), cluster.readerEndpoint(),
                            cluster.dbClusterMembers().stream().map(m -> m.dbInstanceIdentifier() + (m.isClusterWriter() ? " (writer)" : " (reader)")).toList(),
                            cluster.dbSubnetGroup(), cluster.vpcSecurityGroups().get(0).vpcSecurityGroupId(), cluster.dbClusterParameterGroup(),
                            cluster.kmsKeyId(), cluster.backupRetentionPeriod(),
                            cluster.earliestRestorableTime(), cluster.latestRestorableTime(),
                            cluster.tagList().stream().map(t -> t.key() + "=" + t.value()).toList()));
            List<DBClusterMember> members = cluster.dbClusterMembers();
            narrator.detail(members.size() + " instances available; aurora-guard protects this cluster because it carries aurora-guard:backup=true.");
        }

        private DBCluster cluster() {
            return aws.cluster(SandboxSeed.CLUSTER);
        }
    }
}
