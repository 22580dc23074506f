package dev.auroraguard.domain;

import java.util.Map;

/**
 * Selects clusters by one tag, written {@code key=value} (e.g. {@code aurora-guard:backup=true}). The
 * key must match exactly (AWS tag keys are case-sensitive); the value ignores case, so a cluster tagged
 * {@code True} is not silently left without backups.
 */
public record TagSelector(String key, String value) {

    public TagSelector {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a selection tag needs a key");
        }
        if (value == null) {
            throw new IllegalArgumentException("a selection tag needs a value");
        }
    }

    /** Parses {@code key=value}; the key may itself contain ':' but not '='. */
    public static TagSelector parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value (e.g. aurora-guard:backup=true) but found '" + text + "'");
        }
        return new TagSelector(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    public boolean matches(Map<String, String> tags) {
        String actual = tags.get(key);
        return actual != null && actual.trim().equalsIgnoreCase(value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
