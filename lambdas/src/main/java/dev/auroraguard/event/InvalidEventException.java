package dev.auroraguard.event;

/**
 * The invocation's input is not an event this function handles, or is malformed. The message names the
 * field and what was expected, never the whole input.
 */
public final class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
