package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.clusterArn;
import static dev.auroraguard.simulator.rds.RdsFixture.instanceArn;
import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static dev.auroraguard.simulator.rds.RdsFixture.snapshotArn;
import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsTagsAndQuotasTest {

    private final RdsFixture rds = new RdsFixture(5);

    private List<Object> tagsOf(String arn) {
        return new ArrayList<>(list(rds.call("ListTagsForResource", "ResourceName", arn), "TagList"));
    }

    @Test
    void tagOperations_should_addOverwriteAndRemoveTags_when_resourcesNamedByArn() {
        // GIVEN
        rds.availableCluster("orders", "Tags", tags("env", "test"));
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "orders");
        rds.availableSnapshot("orders", "snap");

        // WHEN
        rds.call("AddTagsToResource", "ResourceName", clusterArn("orders"), "Tags", tags("env", "prod", "team", "payments"));
        rds.call("AddTagsToResource", "ResourceName", instanceArn("orders-1"), "Tags", tags("role", "writer"));
        rds.call("AddTagsToResource", "ResourceName", snapshotArn("snap"), "Tags", tags("keep", "forever", "temp", "x"));
        rds.call("RemoveTagsFromResource", "ResourceName", snapshotArn("snap"), "TagKeys", List.of("temp", "absent"));

        // THEN
        assertThat(tagsOf(clusterArn("orders"))).isEqualTo(tags("env", "prod", "team", "payments"));
        assertThat(tagsOf(instanceArn("orders-1"))).isEqualTo(tags("role", "writer"));
        assertThat(tagsOf(snapshotArn("snap"))).isEqualTo(tags("keep", "forever"));
        assertThat(rds.snapshot("snap").get("TagList")).isEqualTo(tags("keep", "forever"));
    }

    @Test
    void tagOperations_should_answerNotFoundFaultOfResourceType_when_resourceMissing() {
        assertFault("DBClusterNotFoundFault", 404, () -> rds.call("ListTagsForResource", "ResourceName", clusterArn("nope")));
        assertFault("DBInstanceNotFound", 404, () -> rds.call("ListTagsForResource", "ResourceName", instanceArn("nope")));
        assertFault("DBClusterSnapshotNotFoundFault", 404,
                () -> rds.call("AddTagsToResource", "ResourceName", snapshotArn("nope"), "Tags", tags("a", "b")));
        assertFault("DBSnapshotNotFound", 404, () -> rds.call("RemoveTagsFromResource",
                "ResourceName", "arn:aws:rds:us-east-1:123456789012:snapshot:nope", "TagKeys", List.of("a")));
        assertFault("DBClusterNotFoundFault", 404,
                () -> rds.call("ListTagsForResource", "ResourceName", "arn:aws:rds:eu-west-1:123456789012:cluster:orders"));
        assertFault("InvalidParameterValue", 400, () -> rds.call("ListTagsForResource", "ResourceName", "orders"));
    }

    @Test
    void addTagsToResource_should_refuseWithInvalidParameterValue_when_tagBreaksRdsRules() {
        rds.availableCluster("orders");

        assertFault("InvalidParameterValue", 400,
                () -> rds.call("AddTagsToResource", "ResourceName", clusterArn("orders"), "Tags", tags("aws:owner", "me")));
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("Key", "k" + i, "Value", "v"));
        }
        assertFault("InvalidParameterValue", 400,
                () -> rds.call("AddTagsToResource", "ResourceName", clusterArn("orders"), "Tags", tooMany));
        assertThat(tagsOf(clusterArn("orders"))).isEmpty();
    }

    @Test
    void describeAccountAttributes_should_listQuotasWithUsage_when_asked() {
        // GIVEN
        rds.availableCluster("orders");
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "orders");
        rds.availableSnapshot("orders", "one");
        rds.availableSnapshot("orders", "two");

        // WHEN
        List<Map<String, Object>> quotas = list(rds.call("DescribeAccountAttributes"), "AccountQuotas");

        // THEN
        assertThat(quotas).extracting(q -> q.get("AccountQuotaName")).containsExactly("DBInstances", "ReservedDBInstances",
                "AllocatedStorage", "DBSecurityGroups", "AuthorizationsPerDBSecurityGroup", "DBParameterGroups", "ManualSnapshots",
                "ManualClusterSnapshots", "EventSubscriptions", "DBSubnetGroups", "OptionGroups", "SubnetsPerDBSubnetGroup",
                "ReadReplicasPerMaster", "DBInstanceRoles", "DBClusters", "DBClusterParameterGroups",
                "CustomEndpointsPerDBCluster", "DBClusterRoles");
        assertThat(quotas).filteredOn(q -> q.get("AccountQuotaName").equals("ManualClusterSnapshots")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Used", 2L).containsEntry("Max", 5L));
        assertThat(quotas).filteredOn(q -> q.get("AccountQuotaName").equals("DBClusters")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Used", 1L).containsEntry("Max", 40L));
        assertThat(quotas).filteredOn(q -> q.get("AccountQuotaName").equals("DBInstances")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Used", 1L).containsEntry("Max", 40L));
    }

    @Test
    void describeAccountAttributes_should_reportDefaultManualClusterSnapshotMaxOf100_when_defaultQuota() {
        RdsFixture defaults = new RdsFixture();

        assertThat(list(defaults.call("DescribeAccountAttributes"), "AccountQuotas"))
                .filteredOn(q -> q.get("AccountQuotaName").equals("ManualClusterSnapshots")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Used", 0L).containsEntry("Max", 100L));
    }

    @Test
    void createDBCluster_should_answerQuotaExceeded_when_aRaisedClusterQuotaIsReached() {
        // GIVEN an account whose DB clusters quota was raised to 2 (an option, as AWS raises it on request)
        dev.auroraguard.simulator.SimClock clock = dev.auroraguard.simulator.SimClock.manual(RdsFixture.START);
        RdsSimulator raised = new RdsSimulator(dev.auroraguard.simulator.protocol.ServiceModel.load(
                dev.auroraguard.simulator.protocol.ServiceModel.RDS), clock, dev.auroraguard.simulator.Timings.realistic(),
                new dev.auroraguard.simulator.EventLog(), RdsFixture.ACCOUNT, RdsFixture.REGION, 100, 2);
        java.util.function.Consumer<String> create = id -> raised.handle("CreateDBCluster", RdsFixture.input("DBClusterIdentifier", id,
                "Engine", "aurora-postgresql", "MasterUsername", "postgres", "MasterUserPassword", "correct-horse-battery"));
        create.accept("one");
        create.accept("two");

        // WHEN / THEN the third is refused, and DescribeAccountAttributes reports the raised maximum
        assertFault("DBClusterQuotaExceededFault", 403, () -> create.accept("three"));
        assertThat(list(raised.handle("DescribeAccountAttributes", Map.of()), "AccountQuotas"))
                .filteredOn(q -> q.get("AccountQuotaName").equals("DBClusters")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Used", 2L).containsEntry("Max", 2L));
    }

    @Test
    void supportedOperations_should_beOperationsOfTheRdsModel_when_listed() {
        var model = dev.auroraguard.simulator.protocol.ServiceModel.load(dev.auroraguard.simulator.protocol.ServiceModel.RDS);

        assertThat(rds.rds.supportedOperations()).hasSize(18)
                .allSatisfy(operation -> assertThat(model.operation(operation)).as(operation).isPresent());
    }

    @Test
    void handle_should_refuseWithInvalidAction_when_operationNotSimulated() {
        assertFault("InvalidAction", 400, () -> rds.call("ModifyDBCluster", "DBClusterIdentifier", "orders"));
    }
}
