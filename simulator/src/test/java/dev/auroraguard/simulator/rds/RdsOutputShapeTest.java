package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.protocol.ServiceModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every output the simulator gives names only members of the operation's output shape, with the model's value types. */
class RdsOutputShapeTest {

    private static final ServiceModel MODEL = ServiceModel.load(ServiceModel.RDS);

    private final RdsFixture rds = new RdsFixture();
    private final List<String> violations = new ArrayList<>();

    private void check(String operation, Object... input) {
        Map<String, Object> output = rds.call(operation, input);
        String outputShape = MODEL.operation(operation).orElseThrow().outputShape();
        if (outputShape == null) {
            if (!output.isEmpty()) {
                violations.add(operation + ": the model has no output, but the simulator answered " + output.keySet());
            }
            return;
        }
        checkValue(operation, outputShape, output);
    }

    private void checkValue(String path, String shapeName, Object value) {
        ServiceModel.Shape shape = MODEL.shape(shapeName);
        if (value == null) {
            violations.add(path + ": null (absent members must be left out)");
            return;
        }
        boolean typeOk = switch (shape.type()) {
            case STRUCTURE -> value instanceof Map;
            case LIST -> value instanceof List;
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
            case TIMESTAMP -> value instanceof Instant;
            default -> false;
        };
        if (!typeOk) {
            violations.add(path + ": model type " + shape.type() + " but " + value.getClass().getSimpleName());
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, member) -> {
                ServiceModel.Member modelMember = shape.member((String) key);
                if (modelMember == null) {
                    violations.add(path + "." + key + ": not a member of " + shapeName);
                } else {
                    checkValue(path + "." + key, modelMember.shape(), member);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkValue(path + "[" + i + "]", shape.listMember().shape(), list.get(i));
            }
        }
    }

    @Test
    void outputs_should_matchTheModelsOutputShapes_when_everyOperationAnswersWithEveryOptionalMember() {
        // GIVEN resources with every optional member the simulator can fill in
        check("CreateDBCluster", "DBClusterIdentifier", "orders", "Engine", "aurora-mysql", "MasterUsername", "admin",
                "MasterUserPassword", "correct-horse", "DatabaseName", "orders", "StorageEncrypted", true, "BacktrackWindow", 3600L,
                "EnableCloudwatchLogsExports", List.of("audit"), "Tags", tags("env", "prod"), "CopyTagsToSnapshot", true);
        rds.advance(rds.timings.clusterCreate());
        check("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large", "Engine", "aurora-mysql",
                "DBClusterIdentifier", "orders", "Tags", tags("role", "writer"));
        rds.advance(Duration.ofDays(2));
        check("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "snap");
        rds.advance(rds.timings.snapshotCreate());
        check("CopyDBClusterSnapshot", "SourceDBClusterSnapshotIdentifier", "snap", "TargetDBClusterSnapshotIdentifier", "snap-copy",
                "CopyTags", true);
        check("RestoreDBClusterToPointInTime", "DBClusterIdentifier", "clone", "SourceDBClusterIdentifier", "orders",
                "RestoreType", "copy-on-write", "UseLatestRestorableTime", true);
        check("RestoreDBClusterFromSnapshot", "DBClusterIdentifier", "from-snap", "SnapshotIdentifier", "snap", "Engine", "aurora-mysql");
        rds.rds.addSnapshotFromOtherAccount("210987654321", "shared", "theirs", "aurora-postgresql", false);
        rds.advance(rds.timings.clusterRestore());

        // WHEN / THEN
        check("DescribeDBClusters");
        check("DescribeDBInstances");
        check("DescribeDBClusterSnapshots", "IncludeShared", true, "MaxRecords", 20);
        check("ListTagsForResource", "ResourceName", RdsFixture.clusterArn("orders"));
        check("AddTagsToResource", "ResourceName", RdsFixture.clusterArn("orders"), "Tags", tags("a", "b"));
        check("RemoveTagsFromResource", "ResourceName", RdsFixture.clusterArn("orders"), "TagKeys", List.of("a"));
        check("DescribeAccountAttributes");
        check("StopDBCluster", "DBClusterIdentifier", "clone");
        rds.advance(rds.timings.instanceCreate());
        check("StartDBCluster", "DBClusterIdentifier", "clone");
        check("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "snap-copy");
        check("DeleteDBInstance", "DBInstanceIdentifier", "orders-1");
        check("DeleteDBCluster", "DBClusterIdentifier", "orders", "FinalDBSnapshotIdentifier", "orders-final");
        assertThat(violations).isEmpty();
    }
}
