package dev.auroraguard.testing;

import java.util.List;
import java.util.Map;

/**
 * The subset of EventBridge pattern matching that {@link dev.auroraguard.event.EventPatterns} uses:
 * objects nest, and a list of literal values matches a field equal to one of them (or, for an array
 * field, containing one of them). Enough for these tests to route events as the deployed rules will;
 * anything beyond the subset fails loudly rather than matching by accident.
 */
public final class EventPatternMatcher {

    private EventPatternMatcher() {
    }

    @SuppressWarnings("unchecked")
    public static boolean matches(Map<String, Object> pattern, Map<String, Object> event) {
        for (Map.Entry<String, Object> rule : pattern.entrySet()) {
            Object actual = event.get(rule.getKey());
            if (rule.getValue() instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map) || !matches((Map<String, Object>) nested, (Map<String, Object>) actual)) {
                    return false;
                }
            } else if (rule.getValue() instanceof List<?> allowed) {
                for (Object value : allowed) {
                    if (value instanceof Map) {
                        throw new UnsupportedOperationException("content filters are outside this test matcher: " + value);
                    }
                }
                boolean hit = actual instanceof List<?> values ? values.stream().anyMatch(allowed::contains) : allowed.contains(actual);
                if (!hit) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("a pattern field is an object or an array, not " + rule.getValue());
            }
        }
        return true;
    }
}
