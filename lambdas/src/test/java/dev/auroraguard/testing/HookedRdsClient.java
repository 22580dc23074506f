package dev.auroraguard.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;

/**
 * A real SDK {@link RdsClient} with a hook before the snapshot calls, so that a test can make the
 * world change at an exact moment: a fault before the second listing page, another process deleting a
 * snapshot just before our delete. Every request still goes through the real client to the simulator.
 * Only the calls the cleanup adapters make are delegated.
 */
public final class HookedRdsClient implements RdsClient {

    private final RdsClient delegate;
    private final AtomicInteger describeCalls = new AtomicInteger();
    private IntConsumer beforeDescribeSnapshots = call -> { };
    private Consumer<String> beforeDelete = id -> { };

    public HookedRdsClient(RdsClient delegate) {
        this.delegate = delegate;
    }

    /** Runs before each DescribeDBClusterSnapshots call made through this client, with its number (1, 2, ...). */
    public HookedRdsClient beforeDescribeSnapshots(IntConsumer hook) {
        this.beforeDescribeSnapshots = hook;
        return this;
    }

    /** Runs before each DeleteDBClusterSnapshot call made through this client, with the snapshot identifier. */
    public HookedRdsClient beforeDelete(Consumer<String> hook) {
        this.beforeDelete = hook;
        return this;
    }

    @Override
    public DescribeDbClusterSnapshotsResponse describeDBClusterSnapshots(DescribeDbClusterSnapshotsRequest request) {
        beforeDescribeSnapshots.accept(describeCalls.incrementAndGet());
        return delegate.describeDBClusterSnapshots(request);
    }

    @Override
    public DeleteDbClusterSnapshotResponse deleteDBClusterSnapshot(DeleteDbClusterSnapshotRequest request) {
        beforeDelete.accept(request.dbClusterSnapshotIdentifier());
        return delegate.deleteDBClusterSnapshot(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // The delegate is shared (AwsClients builds one per container); it is not ours to close.
    }
}
