package dev.auroraguard.config;

import java.util.List;

/**
 * The configuration is unusable. Thrown at start-up (Lambda's init phase), with one message naming
 * every bad variable, its value and what is expected.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("Invalid aurora-guard configuration (environment variables, or Java system properties of the same name): "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
