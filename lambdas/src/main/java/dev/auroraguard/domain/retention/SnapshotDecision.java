package dev.auroraguard.domain.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plan does with one listed snapshot, and why. A kept snapshot has at least one reason,
 * each starting {@code kept:}; a deleted one has exactly {@code deleted: outside all rules}.
 */
public record SnapshotDecision(ListedSnapshot snapshot, Verdict verdict, List<Reason> reasons) {

    /** Keep or delete. */
    public enum Verdict {
        KEEP,
        DELETE
    }

    public SnapshotDecision {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs a reason: " + snapshot.identifier());
        }
    }

    public boolean deletes() {
        return verdict == Verdict.DELETE;
    }

    public String identifier() {
        return snapshot.identifier();
    }

    public Optional<String> kind() {
        return snapshot.kind();
    }

    public boolean hasReason(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /** The reason texts, in order. */
    public List<String> reasonTexts() {
        return reasons.stream().map(Reason::text).toList();
    }
}
