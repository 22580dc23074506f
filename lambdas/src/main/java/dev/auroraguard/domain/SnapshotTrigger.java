package dev.auroraguard.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What asked for a run of scheduled snapshots, reduced to what the run needs.
 *
 * @param type                   how the trigger arrived
 * @param reference              the trigger's reference, tagged on every snapshot: the EventBridge event id,
 *                               or the Lambda request id for constant input that carries no id
 * @param slot                   the scheduled slot the snapshots belong to
 * @param rule                   the schedule rule ARN, when the event names it
 * @param clusters               clusters named by the input itself (constant input); empty means "use the
 *                               configured selection"
 * @param slotFromInvocationTime true when the input carried no time and the slot is the invocation's minute:
 *                               a retry in a later minute then names a different snapshot
 */
public record SnapshotTrigger(Type type, String reference, ScheduledSlot slot, Optional<String> rule,
                              Optional<List<String>> clusters, boolean slotFromInvocationTime) {

    public SnapshotTrigger {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slot, "slot");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a trigger needs a reference (event id or request id)");
        }
        clusters = clusters.map(List::copyOf);
    }

    public enum Type {
        SCHEDULED_EVENT("scheduled-event"),
        CONSTANT_INPUT("constant-input");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
