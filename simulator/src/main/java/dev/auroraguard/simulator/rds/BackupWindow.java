package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A daily backup window {@code hh24:mi-hh24:mi} in UTC; the automated snapshot starts when it opens. */
final class BackupWindow {

    private static final Pattern FORMAT = Pattern.compile("^([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)$");

    private final int startMinute;

    private BackupWindow(int startMinute) {
        this.startMinute = startMinute;
    }

    /** RDS's rules: the format {@code hh24:mi-hh24:mi}, in UTC, at least 30 minutes long. */
    static BackupWindow parse(String window) {
        Matcher m = FORMAT.matcher(window);
        if (!m.matches()) {
            throw RdsFaults.invalidParameterValue("The parameter PreferredBackupWindow must be in the format hh24:mi-hh24:mi: " + window);
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        int length = Math.floorMod(end - start, 24 * 60);
        if (length < 30) {
            throw RdsFaults.invalidParameterValue("The backup window must be at least 30 minutes: " + window);
        }
        return new BackupWindow(start);
    }

    static String format(int startMinute, int endMinute) {
        int end = Math.floorMod(endMinute, 24 * 60);
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, end / 60, end % 60);
    }

    /** The first time the window opens strictly after {@code after}. */
    Instant nextOpeningAfter(Instant after) {
        LocalDate day = after.atZone(ZoneOffset.UTC).toLocalDate();
        Instant candidate = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(startMinute, ChronoUnit.MINUTES);
        while (!candidate.isAfter(after)) {
            candidate = candidate.plus(1, ChronoUnit.DAYS);
        }
        return candidate;
    }
}
