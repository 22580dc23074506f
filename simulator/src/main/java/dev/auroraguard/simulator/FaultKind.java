package dev.auroraguard.simulator;

/** A failure {@link Faults} can inject; each protocol answers it with the AWS service's own error shape. */
public enum FaultKind {
    /** HTTP 400 {@code Throttling} (Query) / {@code ThrottlingException} (JSON), message {@code Rate exceeded}. */
    THROTTLING,
    /** HTTP 500 {@code InternalFailure}. */
    INTERNAL_ERROR,
    /** HTTP 503 {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE
}
