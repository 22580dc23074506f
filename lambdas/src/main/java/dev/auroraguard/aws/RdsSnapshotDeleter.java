package dev.auroraguard.aws;

import dev.auroraguard.domain.retention.SnapshotDeletion;
import dev.auroraguard.port.SnapshotDeleter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterSnapshotStateException;

/**
 * {@link SnapshotDeleter} over RDS DeleteDBClusterSnapshot. A NotFound answer is success: someone else
 * deleted the snapshot, or the SDK retried a request whose first attempt had already deleted it.
 */
public final class RdsSnapshotDeleter implements SnapshotDeleter {

    static final String OPERATION = "DeleteDBClusterSnapshot";

    private final RdsClient rds;

    public RdsSnapshotDeleter(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public SnapshotDeletion delete(String snapshotId) {
        try {
            rds.deleteDBClusterSnapshot(DeleteDbClusterSnapshotRequest.builder()
                    .dbClusterSnapshotIdentifier(snapshotId)
                    .build());
            return new SnapshotDeletion.Deleted();
        } catch (DbClusterSnapshotNotFoundException e) {
            return new SnapshotDeletion.AlreadyGone(AwsErrors.message(e));
        } catch (InvalidDbClusterSnapshotStateException e) {
            return new SnapshotDeletion.InvalidState(AwsErrors.message(e));
        } catch (SdkException e) {
            throw AwsErrors.translate(OPERATION, e);
        }
    }
}
