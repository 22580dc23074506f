package dev.auroraguard.infra;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions, checked at synth time so that a Unix-style cron or a plural/singular
 * slip fails here with an example instead of in CloudFormation half-way through a deployment.
 */
final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    private ScheduleExpressions() {
    }

    /** Why {@code expression} is not an EventBridge schedule expression, or empty when it is one. */
    static Optional<String> problem(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value;
            try {
                value = Long.parseLong(rate.group(1));
            } catch (NumberFormatException e) {
                return Optional.of("'" + expression + "' has a rate too large to be a number");
            }
            boolean plural = rate.group(2).endsWith("s");
            if (value <= 0) {
                return Optional.of("'" + expression + "' must have a positive rate");
            }
            if (value == 1 && plural || value > 1 && !plural) {
                return Optional.of("'" + expression + "': EventBridge wants the singular unit for 1 and the plural otherwise,"
                        + " e.g. rate(1 hour) or rate(15 minutes)");
            }
            return Optional.empty();
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                return Optional.of("'" + expression + "' has " + fields.length + " fields; an EventBridge cron has 6"
                        + " (minutes hours day-of-month month day-of-week year), e.g. cron(0 3 * * ? *) for 03:00 UTC daily");
            }
            boolean dayOfMonthOpen = fields[2].equals("?");
            boolean dayOfWeekOpen = fields[4].equals("?");
            if (dayOfMonthOpen == dayOfWeekOpen) {
                return Optional.of("'" + expression + "': exactly one of day-of-month (3rd field) and day-of-week (5th field)"
                        + " must be '?', e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON *)");
            }
            return Optional.empty();
        }
        return Optional.of("'" + expression + "' is not a schedule expression; write cron(minutes hours day-of-month month"
                + " day-of-week year) in UTC, e.g. cron(0 3 * * ? *), or rate(value unit), e.g. rate(15 minutes)");
    }
}
