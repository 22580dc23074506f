package dev.auroraguard.simulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The facts the protocols take from the botocore models. */
class ServiceModelTest {

    private final ServiceModel rds = ServiceModel.load(ServiceModel.RDS);
    private final ServiceModel events = ServiceModel.load(ServiceModel.EVENTS);

    @Test
    void fault_should_useWireCode_when_itDiffersFromShapeName() {
        // WHEN
        AwsServiceException quota = rds.fault("SnapshotQuotaExceededFault", "Cannot create more than 100 manual snapshots");
        AwsServiceException exists = rds.fault("DBInstanceAlreadyExistsFault", "DB instance already exists");

        // THEN
        assertThat(quota.code()).isEqualTo("SnapshotQuotaExceeded");
        assertThat(quota.httpStatus()).isEqualTo(400);
        assertThat(quota.senderFault()).isTrue();
        assertThat(quota.getMessage()).isEqualTo("Cannot create more than 100 manual snapshots");
        assertThat(exists.code()).isEqualTo("DBInstanceAlreadyExists");
    }

    @Test
    void fault_should_carryModelStatus_when_shapeIsNotFound() {
        AwsServiceException notFound = rds.fault("DBClusterNotFoundFault", "DBCluster x not found.");
        assertThat(notFound.code()).isEqualTo("DBClusterNotFoundFault");
        assertThat(notFound.httpStatus()).isEqualTo(404);
    }

    @Test
    void error_should_defaultLikeBotocore_when_jsonModelGivesNoErrorBlock() {
        assertThat(events.error("ResourceNotFoundException")).isEqualTo(
                new ServiceModel.ErrorShape("ResourceNotFoundException", "ResourceNotFoundException", 400, true));
        assertThat(events.error("InternalException")).isEqualTo(
                new ServiceModel.ErrorShape("InternalException", "InternalException", 500, false));
    }

    @Test
    void fault_should_refuse_when_shapeIsNotAnError() {
        assertThatThrownBy(() -> rds.fault("DBCluster", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an error shape");
        assertThatThrownBy(() -> rds.fault("NoSuchFault", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no shape NoSuchFault");
    }

    @Test
    void errorByCode_should_findShape_when_codeIsTheWireCode() {
        assertThat(rds.errorByCode("SnapshotQuotaExceeded")).get().extracting(ServiceModel.ErrorShape::shapeName)
                .isEqualTo("SnapshotQuotaExceededFault");
    }

    @Test
    void operation_should_describeQueryResultWrapperAndListMembers() {
        // WHEN
        ServiceModel.Operation describe = rds.operation("DescribeDBClusters").orElseThrow();

        // THEN
        assertThat(describe.inputShape()).isEqualTo("DescribeDBClustersMessage");
        assertThat(describe.outputShape()).isEqualTo("DBClusterMessage");
        assertThat(describe.resultWrapper()).isEqualTo("DescribeDBClustersResult");
        assertThat(describe.errors()).containsExactly("DBClusterNotFoundFault");
        assertThat(rds.shape("TagList").listMember().locationName()).isEqualTo("Tag");
        assertThat(rds.shape("CreateDBClusterSnapshotMessage").required())
                .containsExactly("DBClusterSnapshotIdentifier", "DBClusterIdentifier");
        assertThat(rds.shape("TStamp").type()).isEqualTo(ServiceModel.ShapeType.TIMESTAMP);
    }

    @Test
    void metadata_should_nameProtocolAndRouting() {
        assertThat(rds.protocol()).isEqualTo("query");
        assertThat(rds.apiVersion()).isEqualTo("2014-10-31");
        assertThat(rds.signingName()).isEqualTo("rds");
        assertThat(rds.xmlNamespace()).isEqualTo("http://rds.amazonaws.com/doc/2014-10-31/");
        assertThat(events.protocol()).isEqualTo("json");
        assertThat(events.targetPrefix()).isEqualTo("AWSEvents");
        assertThat(events.jsonVersion()).isEqualTo("1.1");
        assertThat(events.shape("PutEventsRequestEntryList").max()).isEqualTo(10L);
        assertThat(ServiceModel.load(ServiceModel.SSM).targetPrefix()).isEqualTo("AmazonSSM");
        assertThat(ServiceModel.load(ServiceModel.CODEPIPELINE).targetPrefix()).isEqualTo("CodePipeline_20150709");
    }

    @Test
    void load_should_returnSameInstance_when_loadedTwice() {
        assertThat(ServiceModel.load(ServiceModel.RDS)).isSameAs(rds);
    }
}
