package dev.auroraguard.bench.baseline;

import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The naive program for {@code pre-deploy-snapshot}'s calls on the first job of a CodePipeline action: clients from
 * {@code create()}; the cluster described (it must be available), the snapshot started, its start published, the
 * job answered "in progress" with a continuation token. Arguments: CLUSTER SNAPSHOT JOB_ID EVENT_BUS.
 */
public final class NaivePreDeploySnapshot {

    private NaivePreDeploySnapshot() {
    }

    public static void main(String[] args) {
        String clusterId = args[0];
        String snapshot = args[1];
        String jobId = args[2];
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        CodePipelineClient codePipeline = CodePipelineClient.create();
        DBCluster cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().get(0);
        if (!"available".equals(cluster.status())) {
            throw new IllegalStateException("cluster " + clusterId + " is " + cluster.status() + ", not available");
        }
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(clusterId).dbClusterSnapshotIdentifier(snapshot)
                .tags(Tag.builder().key("aurora-guard:managed").value("true").build(),
                        Tag.builder().key("aurora-guard:kind").value("pre-deploy").build(),
                        Tag.builder().key("aurora-guard:pipeline-job").value(jobId).build()));
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[3]).source("aurora-guard")
                .detailType("Snapshot Started").resources(cluster.dbClusterArn())
                .detail("{\"kind\":\"pre-deploy\",\"clusterId\":\"" + clusterId + "\",\"snapshotId\":\"" + snapshot
                        + "\",\"jobId\":\"" + jobId + "\"}"))));
        codePipeline.putJobSuccessResult(r -> r.jobId(jobId)
                .continuationToken("{\"cluster\":\"" + clusterId + "\",\"snapshot\":\"" + snapshot + "\"}")
                .executionDetails(d -> d.summary("snapshot " + snapshot + " of " + clusterId + " started").externalExecutionId(snapshot)));
    }
}
