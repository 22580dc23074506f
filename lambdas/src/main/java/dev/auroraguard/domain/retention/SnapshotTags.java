package dev.auroraguard.domain.retention;

/**
 * The snapshot tags retention reads. Interim home: these keys belong to the project-wide tag scheme
 * and move there once it exists; the values here are the contract the snapshot functions write.
 */
public final class SnapshotTags {

    /** {@code true} on every snapshot aurora-guard created; nothing else is ever deleted. */
    public static final String MANAGED = "aurora-guard:managed";

    /** Present (with any value but {@code false}) on snapshots a person wants kept forever. */
    public static final String RETAIN = "aurora-guard:retain";

    /** The snapshot's kind, e.g. {@code scheduled} or {@code pre-deploy}: selects the policy rules. */
    public static final String KIND = "aurora-guard:kind";

    private SnapshotTags() {
    }
}
