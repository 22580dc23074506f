package dev.auroraguard.config;

import dev.auroraguard.domain.retention.BucketRule;
import dev.auroraguard.domain.retention.KeepRules;
import dev.auroraguard.domain.retention.KeepWithin;
import dev.auroraguard.domain.retention.RetentionPolicy;
import dev.auroraguard.json.Json;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a retention policy from its JSON form, strictly: an unknown key, a negative or fractional
 * count, a bad period or a bad time zone is an error that names the offending path, e.g.
 * {@code rules.scheduled.keepDaily: must be a whole number, zero or more; got -1}.
 *
 * <pre>{@code
 * {"timezone":"UTC",
 *  "rules":{"scheduled":{"keepDaily":7,"keepWeekly":4,"keepMonthly":12},
 *           "pre-deploy":{"keepLast":5,"keepWithin":"P14D"}}}
 * }</pre>
 */
public final class RetentionPolicyJson {

    public static final String TIMEZONE = "timezone";
    public static final String RULES = "rules";
    public static final String KEEP_WITHIN = "keepWithin";

    private static final List<String> TOP_LEVEL_KEYS = List.of(TIMEZONE, RULES);
    private static final Map<String, BucketRule> COUNT_KEYS = countKeys();

    private RetentionPolicyJson() {
    }

    /**
     * Parses a policy document.
     *
     * @throws InvalidRetentionPolicyException naming the first problem found
     */
    public static RetentionPolicy parse(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (Json.JsonException e) {
            throw new InvalidRetentionPolicyException("the retention policy is not valid JSON: " + e.getMessage());
        }
        requireKnownKeys(root, TOP_LEVEL_KEYS, "the policy");
        ZoneId zone = zone(root.get(TIMEZONE));
        if (!root.containsKey(RULES)) {
            throw new InvalidRetentionPolicyException(
                    "the policy has no \"rules\" object; write {\"rules\":{}} to keep every snapshot");
        }
        Map<String, Object> rules = object(root.get(RULES), RULES);
        Map<String, KeepRules> rulesByKind = new LinkedHashMap<>();
        rules.forEach((kind, value) -> {
            String path = RULES + "." + kind;
            if (kind.isBlank()) {
                throw new InvalidRetentionPolicyException(RULES + ": a snapshot kind must be a non-empty string");
            }
            rulesByKind.put(kind, keepRules(object(value, path), path));
        });
        return new RetentionPolicy(zone, rulesByKind);
    }

    /** The allowed keys of one kind's rules object, in documentation order. */
    public static List<String> ruleKeys() {
        List<String> keys = new java.util.ArrayList<>(COUNT_KEYS.keySet());
        keys.add(KEEP_WITHIN);
        return List.copyOf(keys);
    }

    private static KeepRules keepRules(Map<String, Object> object, String path) {
        requireKnownKeys(object, ruleKeys(), path);
        KeepRules rules = KeepRules.NONE;
        for (Map.Entry<String, BucketRule> key : COUNT_KEYS.entrySet()) {
            if (object.containsKey(key.getKey())) {
                rules = rules.with(key.getValue(), count(object.get(key.getKey()), path + "." + key.getKey()));
            }
        }
        if (object.containsKey(KEEP_WITHIN)) {
            Object value = object.get(KEEP_WITHIN);
            String withinPath = path + "." + KEEP_WITHIN;
            if (!(value instanceof String text)) {
                throw new InvalidRetentionPolicyException(withinPath
                        + ": must be an ISO-8601 period string such as \"P7D\"; got " + Json.typeName(value));
            }
            try {
                rules = rules.withWithin(KeepWithin.parse(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidRetentionPolicyException(withinPath + ": " + e.getMessage());
            }
        }
        return rules;
    }

    private static int count(Object value, String path) {
        if (value instanceof Long number && number >= 0 && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        String got = value instanceof Long || value instanceof BigDecimal ? value.toString() : Json.typeName(value);
        throw new InvalidRetentionPolicyException(path + ": must be a whole number, zero or more; got " + got);
    }

    private static ZoneId zone(Object value) {
        if (value == null) {
            return RetentionPolicy.UTC;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidRetentionPolicyException(TIMEZONE
                    + ": must be a time zone name such as \"UTC\" or \"Europe/Berlin\"; got " + Json.typeName(value));
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidRetentionPolicyException(TIMEZONE + ": unknown time zone \"" + text
                    + "\"; use an IANA name such as \"UTC\", \"Europe/Berlin\" or \"America/New_York\"");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String path) {
        if (!(value instanceof Map)) {
            throw new InvalidRetentionPolicyException(path + ": must be an object; got " + Json.typeName(value));
        }
        return (Map<String, Object>) value;
    }

    private static void requireKnownKeys(Map<String, Object> object, List<String> allowed, String where) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidRetentionPolicyException(where + ": unknown key \"" + key + "\"; allowed keys are "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Map<String, BucketRule> countKeys() {
        Map<String, BucketRule> keys = new LinkedHashMap<>();
        for (BucketRule rule : BucketRule.values()) {
            String label = rule.label();
            keys.put("keep" + Character.toUpperCase(label.charAt(0)) + label.substring(1), rule);
        }
        return keys;
    }

    /** A policy document that cannot be used; the message names the path and what is expected. */
    public static final class InvalidRetentionPolicyException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public InvalidRetentionPolicyException(String message) {
            super(message);
        }
    }
}
