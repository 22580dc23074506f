package dev.auroraguard.infra;

import java.util.List;

/** The deployment configuration (CDK context) is unusable; the message names every bad key and why. */
public final class InvalidContextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidContextException(List<String> problems) {
        super("Invalid aurora-guard configuration (cdk.json \"context\" or -c key=value): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
