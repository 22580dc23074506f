package dev.auroraguard.infra;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one {@link FunctionCatalog} function is deployed: everything that differs between functions.
 * What they share (runtime, architecture, SnapStart, alias, logging, failure destination, alarm) is
 * {@link DeployedFunction}'s.
 *
 * @param function            the catalog entry (name, handler, description)
 * @param timeout             sized to the work, retries of the SDK included
 * @param memoryMb            memory, hence CPU
 * @param reservedConcurrency 1 where two copies must never run at once
 * @param retryAttempts       asynchronous retries Lambda makes after a failed invocation (0-2)
 * @param maxEventAge         how long an event may wait (throttled or between retries) before it is given up
 * @param environment         the function's variables, from configuration
 * @param policy              its role's statements (least privilege)
 * @param triggers            every {@link EventPatterns} rule targeting it
 * @param invokingAlarms      ARNs of CloudWatch alarms whose Lambda action may invoke it directly (no rule)
 */
record FunctionSpec(FunctionCatalog function, Duration timeout, int memoryMb, Optional<Integer> reservedConcurrency,
                    int retryAttempts, Duration maxEventAge, Map<String, String> environment, RolePolicy policy,
                    List<Trigger> triggers, List<String> invokingAlarms) {

    static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
    static final Duration MIN_EVENT_AGE = Duration.ofMinutes(1);
    static final Duration MAX_EVENT_AGE = Duration.ofHours(6);

    FunctionSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(reservedConcurrency, "reservedConcurrency");
        Objects.requireNonNull(policy, "policy");
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        triggers = List.copyOf(triggers);
        invokingAlarms = List.copyOf(invokingAlarms);
        String name = function.functionName();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + ": a Lambda timeout is between 1 s and 15 min, not " + timeout);
        }
        if (retryAttempts < 0 || retryAttempts > 2) {
            throw new IllegalArgumentException(name + ": Lambda retries an asynchronous event 0 to 2 times, not " + retryAttempts);
        }
        if (maxEventAge.compareTo(MIN_EVENT_AGE) < 0 || maxEventAge.compareTo(MAX_EVENT_AGE) > 0) {
            throw new IllegalArgumentException(name + ": the maximum event age is between 1 min and 6 h, not " + maxEventAge);
        }
        for (Trigger trigger : triggers) {
            if (!trigger.rule().functionName().equals(name)) {
                throw new IllegalArgumentException(name + ": rule " + trigger.rule().ruleName() + " targets "
                        + trigger.rule().functionName());
            }
        }
        // Every rule the shared definition gives this function is deployed, or the synth says which is not.
        Set<EventPatterns> deployed = triggers.stream().map(Trigger::rule).collect(Collectors.toSet());
        List<String> missing = EventPatterns.forFunction(name).stream().filter(r -> !deployed.contains(r))
                .map(EventPatterns::ruleName).toList();
        if (!missing.isEmpty() || deployed.size() != triggers.size()) {
            throw new IllegalArgumentException(name + ": deploy each of its EventPatterns rules exactly once; missing "
                    + missing);
        }
    }

    FunctionSpec(FunctionCatalog function, Duration timeout, int memoryMb, Optional<Integer> reservedConcurrency,
                 int retryAttempts, Duration maxEventAge, Map<String, String> environment, RolePolicy policy,
                 List<Trigger> triggers) {
        this(function, timeout, memoryMb, reservedConcurrency, retryAttempts, maxEventAge, environment, policy, triggers,
                List.of());
    }
}
