package dev.auroraguard.domain.restore;

import java.time.Instant;
import java.util.Objects;

/** What a restore brings back: the latest restorable state, a point in time, or a manual cluster snapshot. */
public sealed interface RestorePoint {

    /** The source's LatestRestorableTime, as RDS reports it when the request is validated. */
    record Latest() implements RestorePoint {
        @Override
        public String toString() {
            return "latest";
        }
    }

    /** A point in time (whole seconds: RDS restores to the second). */
    record At(Instant instant) implements RestorePoint {
        public At {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public String toString() {
            return instant.toString();
        }
    }

    /** A manual DB cluster snapshot, by identifier or ARN. */
    record FromSnapshot(String snapshotId) implements RestorePoint {
        public FromSnapshot {
            Objects.requireNonNull(snapshotId, "snapshotId");
        }

        @Override
        public String toString() {
            return "snapshot " + snapshotId;
        }
    }
}
