package dev.auroraguard.aws;

import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.port.ServiceCallException;
import dev.auroraguard.port.SnapshotInventory;
import dev.auroraguard.port.SnapshotInventory.Incomplete.Cause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;

/**
 * {@link SnapshotInventory} over RDS DescribeDBClusterSnapshots. Pages by hand rather than with the SDK
 * paginator, so that a failed page ends the listing with what was read and the page it failed on,
 * and so that the caller can stop between pages.
 */
public final class RdsSnapshotInventory implements SnapshotInventory {

    static final String OPERATION = "DescribeDBClusterSnapshots";
    /** RDS's largest page: the fewest calls against the account's shared request rate. */
    static final int PAGE_SIZE = 100;

    private final RdsClient rds;

    public RdsSnapshotInventory(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public Inventory listManual(BooleanSupplier mayReadNextPage) {
        List<ListedSnapshot> snapshots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String marker = null;
        int pages = 0;
        do {
            if (!mayReadNextPage.getAsBoolean()) {
                return incomplete(snapshots, pages, Cause.STOPPED, "stopped", "the listing was stopped before page "
                        + (pages + 1) + " (the Lambda deadline is near)", false);
            }
            DescribeDbClusterSnapshotsResponse page;
            try {
                page = rds.describeDBClusterSnapshots(DescribeDbClusterSnapshotsRequest.builder()
                        .snapshotType(ListedSnapshot.TYPE_MANUAL)
                        .maxRecords(PAGE_SIZE)
                        .marker(marker)
                        .build());
            } catch (SdkException e) {
                ServiceCallException failure = AwsErrors.translate(OPERATION, e);
                return incomplete(snapshots, pages, Cause.PAGE_FAILED, failure.errorCode(), "page " + (pages + 1)
                        + " of the listing failed: " + failure.getMessage(), failure.retryable());
            }
            pages++;
            for (DBClusterSnapshot s : page.dbClusterSnapshots()) {
                Optional<String> problem = problem(s);
                if (problem.isPresent()) {
                    return incomplete(snapshots, pages, Cause.UNUSABLE_ANSWER, "unusable-answer", "page " + pages
                            + " of the listing: " + problem.get(), false);
                }
                ListedSnapshot listed = listed(s);
                if (!seen.add(listed.identifier())) {
                    return incomplete(snapshots, pages, Cause.UNUSABLE_ANSWER, "unusable-answer", "page " + pages
                            + " of the listing holds snapshot " + listed.identifier() + " a second time", true);
                }
                snapshots.add(listed);
            }
            marker = page.marker();
        } while (marker != null && !marker.isEmpty());
        return new Inventory(snapshots, pages, Optional.empty());
    }

    /** Why RDS's record cannot be planned on, if it cannot. */
    private static Optional<String> problem(DBClusterSnapshot s) {
        String id = String.valueOf(s.dbClusterSnapshotIdentifier());
        if (isBlank(s.dbClusterSnapshotIdentifier())) {
            return Optional.of("a snapshot has no DBClusterSnapshotIdentifier");
        }
        if (isBlank(s.dbClusterIdentifier())) {
            return Optional.of("snapshot " + id + " has no DBClusterIdentifier");
        }
        if (s.snapshotCreateTime() == null) {
            // Its age is unknown, so no rule can place it and it might be the newest: plan nothing.
            return Optional.of("snapshot " + id + " has no SnapshotCreateTime");
        }
        if (isBlank(s.status()) || isBlank(s.snapshotType())) {
            return Optional.of("snapshot " + id + " has no Status or SnapshotType");
        }
        return Optional.empty();
    }

    private static ListedSnapshot listed(DBClusterSnapshot s) {
        return new ListedSnapshot(
                s.dbClusterSnapshotIdentifier().toLowerCase(Locale.ROOT),
                s.dbClusterIdentifier().toLowerCase(Locale.ROOT),
                s.snapshotCreateTime(),
                s.status(),
                s.snapshotType(),
                RdsModel.tags(s.tagList()));
    }

    private static Inventory incomplete(List<ListedSnapshot> snapshots, int pages, Cause cause, String code, String message,
                                        boolean retryable) {
        return new Inventory(snapshots, pages, Optional.of(new Incomplete(cause, code, message, retryable)));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
