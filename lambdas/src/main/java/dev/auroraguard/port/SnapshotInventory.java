package dev.auroraguard.port;

import dev.auroraguard.domain.retention.ListedSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Lists the account's manual DB cluster snapshots with their tags (RDS DescribeDBClusterSnapshots,
 * {@code SnapshotType} manual, every page; the tags come with each page, never one call per snapshot).
 *
 * <p>It never throws for AWS errors: a listing that could not be read to its last page is returned as
 * it stands, marked incomplete, with the reason. Callers must not act on an incomplete listing as if it
 * were whole.
 */
public interface SnapshotInventory {

    /**
     * @param mayReadNextPage asked before each page is requested; {@code false} stops the listing
     *                        (incomplete, {@link Incomplete.Cause#STOPPED}), e.g. when the Lambda deadline is near
     */
    Inventory listManual(BooleanSupplier mayReadNextPage);

    /**
     * @param snapshots  the snapshots read, in listing order
     * @param pagesRead  how many pages were read
     * @param incomplete why the listing stopped before its last page; empty when every page was read
     */
    record Inventory(List<ListedSnapshot> snapshots, int pagesRead, Optional<Incomplete> incomplete) {
        public Inventory {
            snapshots = List.copyOf(snapshots);
            Objects.requireNonNull(incomplete, "incomplete");
        }

        public boolean complete() {
            return incomplete.isEmpty();
        }
    }

    /**
     * @param cause     what stopped the listing
     * @param errorCode the AWS error code when a page failed, otherwise a short word
     * @param message   a sentence naming the page and the error
     * @param retryable whether reading again later can succeed
     */
    record Incomplete(Cause cause, String errorCode, String message, boolean retryable) {

        public Incomplete {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }

        public enum Cause {
            /** A page request failed after the SDK's retries. */
            PAGE_FAILED("page-failed"),
            /** The caller said stop (the deadline). */
            STOPPED("stopped"),
            /** RDS answered something that cannot be planned on (a snapshot twice, one without a creation time). */
            UNUSABLE_ANSWER("unusable-answer");

            private final String word;

            Cause(String word) {
                this.word = word;
            }

            @Override
            public String toString() {
                return word;
            }
        }
    }
}
