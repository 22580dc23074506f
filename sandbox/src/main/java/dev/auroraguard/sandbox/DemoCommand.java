package dev.auroraguard.sandbox;

import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.Flags;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;

/**
 * {@code ./aurora-guard demo}: the whole story on a simulated clock, in-process, with no AWS, Docker or
 * network: the simulator, a realistic cluster, and what each function does to it.
 */
final class DemoCommand implements Command {

    static final Instant DEMO_START = Instant.parse("2026-11-18T01:30:00Z");

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
                Docker or network; takes a few seconds; changes nothing outside this process.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Flags.parse(name(), args, Set.of(), Set.of()).allowPositionals(0);
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder().clock(dev.auroraguard.simulator.SimClock.manual(DEMO_START)).build();
        try (Simulator simulator = Simulator.start(options);
             SandboxClients aws = new SandboxClients(simulator.endpoint(), simulator.region())) {
            Narrator narrator = new Narrator(out, simulator.clock()::instant);
            narrator.say("aurora-guard demo: everything below runs in this process against the aurora-guard simulator at "
                    + simulator.endpoint() + ",");
            narrator.say("through the real AWS SDK, on a simulated clock (RDS's minutes pass in milliseconds).");
            new ClusterChapter(narrator, simulator, aws).run();
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
            SandboxSeed.createCluster(aws.rds());
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
            return aws.rds().describeDBClusters(b -> b.dbClusterIdentifier(SandboxSeed.CLUSTER)).dbClusters().get(0);
        }
    }
}
