package dev.auroraguard.infra;

import dev.auroraguard.event.EventPatterns;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of {@link EventPatterns} as deployed: a pattern rule as defined there, or a schedule rule with
 * the configured schedules (one EventBridge rule each; a rule holds one schedule expression).
 *
 * @param rule      the single definition the sandbox router also uses
 * @param schedules for a schedule rule, the expressions to deploy; empty for a pattern rule
 */
record Trigger(EventPatterns rule, List<String> schedules, Map<String, List<String>> narrowing) {

    Trigger {
        Objects.requireNonNull(rule, "rule");
        schedules = List.copyOf(schedules);
        narrowing = Map.copyOf(narrowing);
        if (rule.isSchedule() && !narrowing.isEmpty()) {
            throw new IllegalArgumentException(rule.ruleName() + " is a schedule rule: it has no pattern to narrow");
        }
        if (rule.isSchedule() == schedules.isEmpty()) {
            throw new IllegalArgumentException(rule.ruleName() + (rule.isSchedule()
                    ? " is a schedule rule: it needs at least one schedule expression"
                    : " is an event pattern rule: it takes no schedule"));
        }
    }

    static Trigger pattern(EventPatterns rule) {
        return new Trigger(rule, List.of(), Map.of());
    }

    /**
     * The shared pattern with top-level fields added (e.g. {@code resources}: the configured alarm ARNs), so
     * that the rule matches fewer events than the function would accept.
     */
    static Trigger narrowedPattern(EventPatterns rule, Map<String, List<String>> narrowing) {
        return new Trigger(rule, List.of(), narrowing);
    }

    static Trigger schedule(EventPatterns rule, List<String> schedules) {
        return new Trigger(rule, schedules, Map.of());
    }
}
