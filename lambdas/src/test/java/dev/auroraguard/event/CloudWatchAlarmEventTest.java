package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.restore.AlarmTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both alarm deliveries, read from AWS's own samples. */
class CloudWatchAlarmEventTest {

    @Test
    void parse_should_readTheEventBridgeSample() {
        // WHEN
        AlarmTransition alarm = CloudWatchAlarmEvent.parse(EventFixtures.load("cloudwatch-alarm-state-change.json"));

        // THEN
        assertThat(alarm.alarmName()).isEqualTo("ServerCpuTooHigh");
        assertThat(alarm.alarmArn()).hasValue("arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh");
        assertThat(alarm.state()).isEqualTo("ALARM");
        assertThat(alarm.previousState()).isEqualTo("OK");
        assertThat(alarm.entersAlarm()).isTrue();
        assertThat(alarm.changedAt()).isEqualTo(Instant.parse("2019-10-02T17:04:40.989Z"));
        assertThat(alarm.evaluationStart()).hasValue(Instant.parse("2019-10-02T16:59:00Z"));
        assertThat(alarm.evaluationWindow()).hasValue(Duration.ofMinutes(5));
        assertThat(alarm.clusters()).isEmpty();
        assertThat(alarm.reference()).isEqualTo("c4c1c1c9-6542-e61b-6ef0-8c4d36933a92");
        // AND the restore instant is the start of the evaluated data minus the margin, to the second
        assertThat(alarm.restoreInstant(Duration.ofMinutes(5))).isEqualTo(Instant.parse("2019-10-02T16:54:00Z"));
    }

    @Test
    void parse_should_readTheMetricMathSample_when_noMetricStatOnTheExpression() {
        AlarmTransition alarm = CloudWatchAlarmEvent.parse(EventFixtures.load("cloudwatch-alarm-state-change-metric-math.json"));
        assertThat(alarm.previousState()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(alarm.evaluationStart()).hasValue(Instant.parse("2019-10-02T17:10:00Z"));
        assertThat(alarm.restoreInstant(Duration.ZERO)).isEqualTo(Instant.parse("2019-10-02T17:10:00Z"));
    }

    @Test
    void parse_should_readTheLambdaAlarmActionSample() {
        // WHEN
        Map<String, Object> payload = EventFixtures.load("cloudwatch-alarm-lambda-action.json");
        AlarmTransition alarm = CloudWatchAlarmEvent.parse(payload);

        // THEN
        assertThat(CloudWatchAlarmEvent.isAlarm(payload)).isTrue();
        assertThat(alarm.alarmName()).isEqualTo("lambda-demo-metric-alarm");
        assertThat(alarm.alarmArn()).hasValue("arn:aws:cloudwatch:us-east-1:444455556666:alarm:lambda-demo-metric-alarm");
        assertThat(alarm.changedAt()).isEqualTo(Instant.parse("2023-08-04T12:36:15.490Z"));
        assertThat(alarm.evaluationStart()).isEmpty();
        assertThat(alarm.evaluationWindow()).hasValue(Duration.ofSeconds(60));
        assertThat(alarm.reference()).isEqualTo("arn:aws:cloudwatch:us-east-1:444455556666:alarm:lambda-demo-metric-alarm@2023-08-04T12:36:15.490Z");
    }

    @Test
    void restoreInstant_should_useTheLongerOfWindowAndStart_when_bothAreKnown() {
        Instant change = Instant.parse("2026-11-25T03:47:30.250Z");
        AlarmTransition alarm = new AlarmTransition("a", Optional.empty(), "ALARM", "OK", change, "Threshold Crossed: 3 out of the last 3"
                + " datapoints", Optional.of(change.minusSeconds(120)), Optional.of(Duration.ofMinutes(3)), List.of("orders-db"), "r");
        assertThat(alarm.restoreInstant(Duration.ofMinutes(2))).isEqualTo(Instant.parse("2026-11-25T03:42:30Z"));
        assertThat(alarm.lookBack()).isEqualTo(Duration.ofMinutes(3));
    }
}
