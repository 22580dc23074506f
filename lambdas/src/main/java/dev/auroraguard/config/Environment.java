package dev.auroraguard.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where settings come from: the environment variable, else the Java system property of the same name
 * (so {@code ./aurora-guard invoke} can run a handler in its own JVM with settings). Blank values count
 * as unset.
 */
public final class Environment {

    private final UnaryOperator<String> variables;
    private final UnaryOperator<String> properties;

    private Environment(UnaryOperator<String> variables, UnaryOperator<String> properties) {
        this.variables = variables;
        this.properties = properties;
    }

    /** The process environment, then system properties. */
    public static Environment system() {
        return new Environment(System::getenv, System::getProperty);
    }

    /** Fixed values, for tests. */
    public static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Environment(copy::get, name -> null);
    }

    public Optional<String> get(String name) {
        String value = variables.apply(name);
        if (value == null || value.isBlank()) {
            value = properties.apply(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
