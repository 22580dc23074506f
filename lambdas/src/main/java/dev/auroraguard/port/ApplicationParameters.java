package dev.auroraguard.port;

import java.util.Optional;

/**
 * The application's configuration parameter that cutover points at a restored cluster (SSM Parameter Store).
 * Throws {@link ServiceCallException} when SSM cannot answer.
 */
public interface ApplicationParameters {

    /** The parameter's current value and version, or empty when it does not exist. */
    Optional<ParameterValue> get(String name);

    /** Writes {@code value} (overwriting; a new parameter is created as a String) and returns the new version. */
    long put(String name, String value);

    record ParameterValue(String value, long version) {
    }
}
