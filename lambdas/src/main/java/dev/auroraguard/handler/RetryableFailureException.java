package dev.auroraguard.handler;

/**
 * Thrown at the end of an invocation in which something retryable failed, so that Lambda retries it
 * (and finally sends it to the failure destination). The message names what failed; every other
 * outcome of the run has already been applied, logged and published.
 */
public final class RetryableFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RetryableFailureException(String message) {
        super(message);
    }
}
