package dev.auroraguard.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a managed snapshot is announced as available, so that it is announced once, and never lost.
 *
 * <ul>
 *   <li>RDS's own event (RDS-EVENT-0075) announces a managed, available snapshot at once, unless it
 *       carries the {@value TagScheme#ANNOUNCED} tag.</li>
 *   <li>RDS events are best effort, so a periodic check looks for managed, available, unannounced
 *       snapshots. The first time it sees one it only tags it {@value TagScheme#AVAILABLE_SEEN} (RDS's
 *       event is probably on its way); once {@code grace} has passed since then and the snapshot is
 *       still unannounced, the check announces it itself.</li>
 *   <li>Whoever announces then tags it {@value TagScheme#ANNOUNCED}. The event is published before
 *       the tag is written: a failure in between can repeat an announcement, never lose one.</li>
 *   <li>A managed, unannounced snapshot in a status from which it never becomes available
 *       ({@link #NEVER_AVAILABLE}) is reported once the same way, as failed: whoever waits for it (a CI job
 *       that asked for a pre-deploy snapshot) learns it will not come. A snapshot being deleted is not
 *       reported: someone removes it on purpose.</li>
 * </ul>
 *
 * <p>So a snapshot is announced twice only if two announcers read it before either tagged it: an RDS
 * event delivered twice within the same moment, or one delayed by more than a whole check period
 * plus the grace. Consumers that need strict once-only de-duplicate on the snapshot id.
 */
public final class AnnouncementRule {

    /** Snapshot statuses that never lead to {@code available} and are worth reporting. */
    public static final java.util.Set<String> NEVER_AVAILABLE = java.util.Set.of("failed", "incompatible-restore",
            "incompatible-parameters");

    private final Duration grace;

    public AnnouncementRule(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        this.grace = grace;
    }

    public Decision onRdsEvent(Snapshot snapshot) {
        Optional<Decision> settled = settled(snapshot);
        return settled.orElse(Decision.ANNOUNCE);
    }

    public Decision onPeriodicCheck(Snapshot snapshot, Instant now) {
        Optional<Decision> settled = settled(snapshot);
        if (settled.isPresent()) {
            return settled.get();
        }
        Optional<Instant> seen = snapshot.tag(TagScheme.AVAILABLE_SEEN).map(AnnouncementRule::parseOrEpoch);
        if (seen.isEmpty()) {
            return Decision.MARK_SEEN;
        }
        return seen.get().plus(grace).isAfter(now) ? Decision.WAIT_FOR_RDS_EVENT : Decision.ANNOUNCE;
    }

    private static Optional<Decision> settled(Snapshot snapshot) {
        if (!snapshot.isManaged()) {
            return Optional.of(Decision.NOT_MANAGED);
        }
        if (snapshot.tag(TagScheme.ANNOUNCED).isPresent()) {
            return Optional.of(Decision.ALREADY_ANNOUNCED);
        }
        if (NEVER_AVAILABLE.contains(snapshot.status())) {
            return Optional.of(Decision.REPORT_FAILED);
        }
        if (!snapshot.isAvailable()) {
            return Optional.of(Decision.NOT_YET_AVAILABLE);
        }
        return Optional.empty();
    }

    /** A seen-tag someone edited into nonsense counts as seen long ago: announce rather than wait forever. */
    private static Instant parseOrEpoch(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    public enum Decision {
        /** Publish Snapshot Available, then tag it announced. */
        ANNOUNCE("announce"),
        /** Tag it available-seen and let RDS's event announce it. */
        MARK_SEEN("mark-seen"),
        /** Seen recently; RDS's event still has time to come. */
        WAIT_FOR_RDS_EVENT("wait-for-rds-event"),
        ALREADY_ANNOUNCED("already-announced"),
        /** Publish Snapshot Failed (it will never become available), then tag it announced. */
        REPORT_FAILED("report-failed"),
        NOT_YET_AVAILABLE("not-yet-available"),
        NOT_MANAGED("not-managed");

        private final String word;

        Decision(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
