package dev.auroraguard.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule RDS applies to DB cluster and DB cluster snapshot identifiers: 1 to 63 letters, digits or
 * hyphens; the first character a letter; no trailing hyphen and no two consecutive hyphens. RDS stores
 * them in lower case, so we compare and generate them in lower case.
 */
public final class RdsIdentifier {

    public static final int MAX_LENGTH = 63;

    private RdsIdentifier() {
    }

    public static boolean isValid(String identifier) {
        return problem(identifier).isEmpty();
    }

    /** Why {@code identifier} is not a valid RDS identifier, or empty when it is. */
    public static Optional<String> problem(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return Optional.of("is empty");
        }
        if (identifier.length() > MAX_LENGTH) {
            return Optional.of("is " + identifier.length() + " characters long (at most " + MAX_LENGTH + ")");
        }
        if (!isAsciiLetter(identifier.charAt(0))) {
            return Optional.of("must start with a letter");
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
                return Optional.of("contains '" + c + "' (only letters, digits and hyphens are allowed)");
            }
        }
        if (identifier.endsWith("-")) {
            return Optional.of("must not end with a hyphen");
        }
        if (identifier.contains("--")) {
            return Optional.of("must not contain two consecutive hyphens");
        }
        return Optional.empty();
    }

    /** The identifier in the lower-case form RDS stores, after checking it is valid. */
    public static String normalize(String identifier, String whatItNames) {
        problem(identifier).ifPresent(p -> {
            throw new IllegalArgumentException(whatItNames + " '" + identifier + "' is not a valid RDS identifier: it " + p);
        });
        return identifier.toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
