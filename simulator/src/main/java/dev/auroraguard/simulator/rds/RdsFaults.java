package dev.auroraguard.simulator.rds;

import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;

/**
 * The faults RDS answers, with RDS's wording where it is known. Model faults go through the service model
 * (code and status from the error shape); common errors ({@code InvalidParameterValue} ...) are not in
 * the model and are always sender errors with status 400.
 */
final class RdsFaults {

    private final ServiceModel model;

    RdsFaults(ServiceModel model) {
        this.model = model;
    }

    AwsServiceException clusterNotFound(String identifier) {
        return model.fault("DBClusterNotFoundFault", "DBCluster " + identifier + " not found.");
    }

    AwsServiceException clusterAlreadyExists() {
        return model.fault("DBClusterAlreadyExistsFault", "DB Cluster already exists");
    }

    AwsServiceException invalidClusterState(String message) {
        return model.fault("InvalidDBClusterStateFault", message);
    }

    AwsServiceException clusterNotAvailable(String identifier, String status) {
        return invalidClusterState("DBCluster " + identifier + " is not in available state. Current state: " + status + ".");
    }

    AwsServiceException clusterQuotaExceeded() {
        return model.fault("DBClusterQuotaExceededFault",
                "The request would result in the user exceeding the allowed number of DB clusters.");
    }

    AwsServiceException instanceNotFound(String identifier) {
        return model.fault("DBInstanceNotFoundFault", "DBInstance " + identifier + " not found.");
    }

    AwsServiceException instanceAlreadyExists() {
        return model.fault("DBInstanceAlreadyExistsFault", "DB instance already exists");
    }

    AwsServiceException invalidInstanceState(String message) {
        return model.fault("InvalidDBInstanceStateFault", message);
    }

    AwsServiceException instanceQuotaExceeded() {
        return model.fault("InstanceQuotaExceededFault",
                "The request would result in the user exceeding the allowed number of DB instances.");
    }

    AwsServiceException snapshotNotFound(String identifier) {
        return model.fault("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot not found: " + identifier);
    }

    AwsServiceException dbSnapshotNotFound(String identifier) {
        return model.fault("DBSnapshotNotFoundFault", "DBSnapshot not found: " + identifier);
    }

    AwsServiceException snapshotAlreadyExists(String identifier) {
        return model.fault("DBClusterSnapshotAlreadyExistsFault",
                "Cannot create the cluster snapshot because one with the identifier " + identifier + " already exists.");
    }

    AwsServiceException invalidSnapshotState(String message) {
        return model.fault("InvalidDBClusterSnapshotStateFault", message);
    }

    AwsServiceException snapshotQuotaExceeded(int quota) {
        return model.fault("SnapshotQuotaExceededFault",
                "The request would result in the user exceeding the allowed number of DB snapshots (" + quota
                        + " manual DB cluster snapshots).");
    }

    AwsServiceException invalidRestore(String message) {
        return model.fault("InvalidRestoreFault", message);
    }

    static AwsServiceException invalidParameterValue(String message) {
        return AwsServiceException.sender("InvalidParameterValue", message);
    }

    static AwsServiceException invalidParameterCombination(String message) {
        return AwsServiceException.sender("InvalidParameterCombination", message);
    }

    static AwsServiceException missingParameter(String name) {
        return AwsServiceException.sender("MissingParameter", "The request must contain the parameter " + name);
    }
}
