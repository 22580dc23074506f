package dev.auroraguard.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code keepWithin} rule's period: keep every snapshot created strictly after
 * {@code newest - period}, where {@code newest} is the group's newest snapshot (not "now"), as
 * restic's {@code --keep-within} does.
 *
 * <p>Written as an ISO-8601 period/duration: {@code P[nY][nM][nW][nD][T[nH][nM][nS]]} with whole
 * numbers, e.g. {@code P7D}, {@code PT36H}, {@code P1M14D}, {@code P1Y2M3DT4H}. Years, months, weeks
 * and days are calendar units in the policy's time zone; the time part is elapsed time.
 *
 * @param years calendar years
 * @param months calendar months
 * @param days calendar days (weeks are stored as 7 days each)
 * @param time hours, minutes and seconds, subtracted as elapsed time
 */
public record KeepWithin(int years, int months, int days, Duration time) {

    /** Large enough for any retention and small enough that the date arithmetic cannot overflow. */
    static final int MAX_COMPONENT = 1_000_000;

    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

    public KeepWithin {
        Objects.requireNonNull(time, "time");
        if (years < 0 || months < 0 || days < 0 || time.isNegative()) {
            throw new IllegalArgumentException("keepWithin cannot be negative");
        }
        if (years == 0 && months == 0 && days == 0 && time.isZero()) {
            throw new IllegalArgumentException(
                    "keepWithin must be longer than zero (a zero period keeps nothing; leave the rule out instead)");
        }
    }

    /**
     * Parses an ISO-8601 period such as {@code P7D}, {@code PT36H} or {@code P1M14D}.
     *
     * @throws IllegalArgumentException with a message naming the accepted form
     */
    public static KeepWithin parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("keepWithin is missing");
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = ISO.matcher(upper);
        boolean hasComponent = false;
        if (m.matches()) {
            for (int group = 1; group <= 7; group++) {
                hasComponent |= m.group(group) != null;
            }
        }
        if (!m.matches() || !hasComponent || upper.endsWith("T")) {
            throw new IllegalArgumentException("keepWithin \"" + text + "\" is not an ISO-8601 period of whole "
                    + "non-negative numbers such as P7D, PT36H or P1M14D (form P[nY][nM][nW][nD][T[nH][nM][nS]])");
        }
        int years = component(m, 1, text);
        int months = component(m, 2, text);
        int weeks = component(m, 3, text);
        int days = component(m, 4, text);
        int hours = component(m, 5, text);
        int minutes = component(m, 6, text);
        int seconds = component(m, 7, text);
        Duration time = Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
        return new KeepWithin(years, months, Math.addExact(Math.multiplyExact(weeks, 7), days), time);
    }

    private static int component(Matcher m, int group, String text) {
        String digits = m.group(group);
        if (digits == null) {
            return 0;
        }
        if (digits.length() > 7 || Integer.parseInt(digits) > MAX_COMPONENT) {
            throw new IllegalArgumentException("keepWithin \"" + text + "\" has a component larger than "
                    + MAX_COMPONENT);
        }
        return Integer.parseInt(digits);
    }

    /**
     * The instant after which snapshots are kept: {@code newest} minus this period, computed like
     * Go's {@code time.AddDate} (restic's arithmetic) in {@code zone}: years and months first, then a
     * day-of-month overflow rolls into the next month (31 March minus one month is 3 March, not
     * 28 February), the wall-clock time of day is kept, then the time part is subtracted as elapsed
     * time. A wall-clock time that falls into a DST gap moves forward by the gap's length; one in an
     * overlap takes the earlier offset.
     */
    public Instant cutoff(Instant newest, ZoneId zone) {
        LocalDateTime local = newest.atZone(zone).toLocalDateTime();
        long monthIndex = local.getYear() * 12L + (local.getMonthValue() - 1) - (years * 12L + months);
        LocalDate firstOfMonth = LocalDate.of(
                Math.toIntExact(Math.floorDiv(monthIndex, 12)), Math.floorMod(monthIndex, 12) + 1, 1);
        LocalDate date = firstOfMonth.plusDays(local.getDayOfMonth() - 1L - days);
        Instant calendarCutoff = ZonedDateTime.of(date, local.toLocalTime(), zone).toInstant();
        return calendarCutoff.minus(time);
    }

    /** The canonical ISO-8601 form, e.g. {@code P1M14D}, {@code PT36H}, {@code P14D} for {@code P2W}. */
    @Override
    public String toString() {
        StringBuilder iso = new StringBuilder("P");
        if (years > 0) {
            iso.append(years).append('Y');
        }
        if (months > 0) {
            iso.append(months).append('M');
        }
        if (days > 0) {
            iso.append(days).append('D');
        }
        if (!time.isZero()) {
            iso.append('T');
            long hours = time.toHours();
            int minutes = time.toMinutesPart();
            int seconds = time.toSecondsPart();
            if (hours > 0) {
                iso.append(hours).append('H');
            }
            if (minutes > 0) {
                iso.append(minutes).append('M');
            }
            if (seconds > 0) {
                iso.append(seconds).append('S');
            }
        }
        return iso.toString();
    }
}
