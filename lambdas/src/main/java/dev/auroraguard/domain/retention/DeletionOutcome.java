package dev.auroraguard.domain.retention;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one snapshot the plan deletes.
 *
 * @param decision  the plan's decision (verdict delete)
 * @param result    what happened
 * @param message   a sentence for a human at 3 a.m.
 * @param errorCode the AWS error code, for {@link Result#SKIPPED} and {@link Result#FAILED}
 * @param retryable whether a retry of the invocation can fix it (only for failures)
 */
public record DeletionOutcome(SnapshotDecision decision, Result result, String message, Optional<String> errorCode,
                              boolean retryable) {

    /** The fate of a planned deletion. */
    public enum Result {
        /** Deleted by this run (in a dry run: would have been deleted). */
        DELETED("deleted"),
        /** RDS answered DBClusterSnapshotNotFound: someone else deleted it first. Counts as deleted. */
        ALREADY_GONE("already-gone"),
        /** RDS answered InvalidDBClusterSnapshotState: skipped and reported. */
        SKIPPED("skipped"),
        /** The delete request failed (after the SDK's retries). */
        FAILED("failed"),
        /** Not attempted: the run stopped first (the Lambda deadline, or an earlier retryable failure). */
        DEFERRED("deferred");

        private final String word;

        Result(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    public DeletionOutcome {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorCode, "errorCode");
        if (!decision.deletes()) {
            throw new IllegalArgumentException("only a planned deletion has a deletion outcome: " + decision.identifier());
        }
        if (retryable && result != Result.FAILED) {
            throw new IllegalArgumentException("only a failure can be retryable");
        }
    }

    public String identifier() {
        return decision.identifier();
    }

    /** Deleted, by this run or by someone else before it: the snapshot is gone. */
    public boolean gone() {
        return result == Result.DELETED || result == Result.ALREADY_GONE;
    }
}
