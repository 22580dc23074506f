package dev.auroraguard.infra;

import dev.auroraguard.event.EventPatterns;
import java.util.List;
import java.util.Objects;

/**
 * One rule of {@link EventPatterns} as deployed: a pattern rule as defined there, or a schedule rule with
 * the configured schedules (one EventBridge rule each; a rule holds one schedule expression).
 *
 * @param rule      the single definition the sandbox router also uses
 * @param schedules for a schedule rule, the expressions to deploy; empty for a pattern rule
 */
record Trigger(EventPatterns rule, List<String> schedules) {

    Trigger {
        Objects.requireNonNull(rule, "rule");
        schedules = List.copyOf(schedules);
        if (rule.isSchedule() == schedules.isEmpty()) {
            throw new IllegalArgumentException(rule.ruleName() + (rule.isSchedule()
                    ? " is a schedule rule: it needs at least one schedule expression"
                    : " is an event pattern rule: it takes no schedule"));
        }
    }

    static Trigger pattern(EventPatterns rule) {
        return new Trigger(rule, List.of());
    }

    static Trigger schedule(EventPatterns rule, List<String> schedules) {
        return new Trigger(rule, schedules);
    }
}
