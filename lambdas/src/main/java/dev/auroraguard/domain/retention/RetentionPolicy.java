package dev.auroraguard.domain.retention;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which snapshots to keep, per snapshot kind ({@code aurora-guard:kind} tag value). A kind the
 * policy does not name keeps all its snapshots.
 *
 * @param zone the time zone calendar buckets and {@code keepWithin} calendar units are computed in
 * @param rulesByKind the rules per kind, in the order the policy lists them
 */
public record RetentionPolicy(ZoneId zone, Map<String, KeepRules> rulesByKind) {

    /** The default zone. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    public RetentionPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rulesByKind, "rulesByKind");
        Map<String, KeepRules> copy = new LinkedHashMap<>();
        rulesByKind.forEach((kind, rules) -> {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("a snapshot kind must be a non-empty string");
            }
            copy.put(kind, Objects.requireNonNull(rules, "rules of kind " + kind));
        });
        rulesByKind = Collections.unmodifiableMap(copy);
    }

    /** Calendar buckets in UTC. */
    public static RetentionPolicy utc(Map<String, KeepRules> rulesByKind) {
        return new RetentionPolicy(UTC, rulesByKind);
    }

    /** The rules of {@code kind}; {@link KeepRules#NONE} (keep everything) when the policy does not name it. */
    public KeepRules rulesFor(String kind) {
        return rulesByKind.getOrDefault(kind, KeepRules.NONE);
    }
}
