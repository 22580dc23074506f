package dev.auroraguard.event;

import java.util.Optional;

/**
 * A {@code Restore Requested} event that can't be acted on (a missing or contradictory field). Unlike other
 * invalid input it gets a {@code Restore Failed} event: a person asked for a restore and must hear why
 * nothing was restored.
 */
public final class InvalidRestoreRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reference;
    private final transient Optional<String> sourceCluster;

    public InvalidRestoreRequestException(String message, String reference, Optional<String> sourceCluster) {
        super(message);
        this.reference = reference;
        this.sourceCluster = sourceCluster;
    }

    /** The event's id. */
    public String reference() {
        return reference;
    }

    /** The source cluster the request named, if it named one. */
    public Optional<String> sourceCluster() {
        return sourceCluster;
    }
}
