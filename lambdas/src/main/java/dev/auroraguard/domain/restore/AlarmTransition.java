package dev.auroraguard.domain.restore;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudWatch alarm state change, as either delivery (EventBridge's "CloudWatch Alarm State Change"
 * or an alarm action invoking the function) reveals it.
 *
 * @param alarmName        the alarm's name
 * @param alarmArn         its ARN, when the delivery carries it
 * @param state            the new state: {@code ALARM}, {@code OK} or {@code INSUFFICIENT_DATA}
 * @param previousState    the state before
 * @param changedAt        when the state changed ({@code state.timestamp})
 * @param reason           CloudWatch's {@code state.reason}, for people
 * @param evaluationStart  the start of the data the alarm evaluated ({@code reasonData.startDate}), when revealed
 * @param evaluationWindow the alarm's evaluation window (period × datapoints evaluated), when revealed
 * @param clusters         the {@code DBClusterIdentifier} dimensions of the alarm's metrics (distinct, lower case)
 * @param reference        identifies this transition: the EventBridge event id, or the alarm ARN and time
 */
public record AlarmTransition(String alarmName, Optional<String> alarmArn, String state, String previousState, Instant changedAt,
                              String reason, Optional<Instant> evaluationStart, Optional<Duration> evaluationWindow,
                              List<String> clusters, String reference) {

    public static final String ALARM = "ALARM";

    public AlarmTransition {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(previousState, "previousState");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(reason, "reason");
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(reference, "reference");
    }

    /** Only a transition into ALARM acts; OK, INSUFFICIENT_DATA and ALARM→ALARM repeats are acknowledged and ignored. */
    public boolean entersAlarm() {
        return ALARM.equals(state) && !ALARM.equals(previousState);
    }

    /**
     * "Just before the problem": the state change, minus the alarm's evaluation window (the evaluated data
     * began at {@code evaluationStart}, or {@code evaluationWindow} before the change) when the delivery
     * reveals it, minus {@code safetyMargin}; whole seconds.
     */
    public Instant restoreInstant(Duration safetyMargin) {
        Instant problemNoEarlierThan = changedAt;
        if (evaluationWindow.isPresent()) {
            problemNoEarlierThan = earlier(problemNoEarlierThan, changedAt.minus(evaluationWindow.get()));
        }
        if (evaluationStart.isPresent()) {
            problemNoEarlierThan = earlier(problemNoEarlierThan, evaluationStart.get());
        }
        return problemNoEarlierThan.minus(safetyMargin).truncatedTo(ChronoUnit.SECONDS);
    }

    /** How far before the state change the problem may have begun, as far as the delivery says. */
    public Duration lookBack() {
        Instant start = restoreInstant(Duration.ZERO);
        return Duration.between(start, changedAt.truncatedTo(ChronoUnit.SECONDS)).isNegative() ? Duration.ZERO
                : Duration.between(start, changedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
