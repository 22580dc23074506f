package dev.auroraguard.port;

/**
 * An AWS call failed after the SDK's own retries: throttling or 5xx that outlasted the retry budget,
 * a transport error, or a refusal such as AccessDenied. Ports throw it so that callers can decide
 * without SDK types.
 */
public final class ServiceCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String errorCode;
    private final boolean retryable;

    /**
     * @param operation the AWS operation, e.g. {@code CreateDBClusterSnapshot}
     * @param errorCode the AWS error code, or a short description of a client-side failure
     * @param retryable whether a later retry can succeed (throttling, 5xx, transport)
     */
    public ServiceCallException(String operation, String errorCode, boolean retryable, String message, Throwable cause) {
        super(operation + " failed (" + errorCode + (retryable ? ", retryable" : "") + "): " + message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
