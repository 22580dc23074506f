package dev.auroraguard.simulator.rds;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RDS identifier rules for clusters, instances and cluster snapshots: 1 to 63 (final snapshots: 255)
 * letters, digits or hyphens; a letter first; no trailing hyphen and no two hyphens in a row. RDS
 * stores them lower-case and matches them case-insensitively.
 */
final class RdsIdentifiers {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z](?:-?[A-Za-z0-9])*$");

    private RdsIdentifiers() {
    }

    /** @return the identifier as RDS stores it (lower-case) */
    static String valid(String parameter, String value) {
        return valid(parameter, value, 63);
    }

    static String valid(String parameter, String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !SHAPE.matcher(value).matches()) {
            throw RdsFaults.invalidParameterValue("The parameter " + parameter + " is not a valid identifier. "
                    + "Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; "
                    + "and must not end with a hyphen or contain two consecutive hyphens.");
        }
        return lower(value);
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
