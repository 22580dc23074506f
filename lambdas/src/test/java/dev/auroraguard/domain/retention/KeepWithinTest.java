package dev.auroraguard.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeepWithinTest {

    @ParameterizedTest
    @CsvSource({
        "P7D, 0, 0, 7, PT0S, P7D",
        "PT36H, 0, 0, 0, PT36H, PT36H",
        "P1M14D, 0, 1, 14, PT0S, P1M14D",
        "P2W, 0, 0, 14, PT0S, P14D",
        "P1Y2M3DT4H5M6S, 1, 2, 3, PT4H5M6S, P1Y2M3DT4H5M6S",
        "p7d, 0, 0, 7, PT0S, P7D",
    })
    void parse_should_readEveryComponent_when_givenAnIsoPeriod(
            String text, int years, int months, int days, String time, String canonical) {
        KeepWithin within = KeepWithin.parse(text);

        assertThat(within.years()).isEqualTo(years);
        assertThat(within.months()).isEqualTo(months);
        assertThat(within.days()).isEqualTo(days);
        assertThat(within.time()).isEqualTo(Duration.parse(time));
        assertThat(within).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P7DT", "7d", "1y5m7d2h", "P-1D", "-P7D", "P1.5D", "P7H", "PT1D", "P1D2M",
        "P 7D"})
    void parse_should_explainTheForm_when_theTextIsNotAnIsoPeriod(String text) {
        assertThatThrownBy(() -> KeepWithin.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an ISO-8601 period")
                .hasMessageContaining("P7D, PT36H or P1M14D");
    }

    @Test
    void parse_should_reject_when_thePeriodIsZeroOrHuge() {
        assertThatThrownBy(() -> KeepWithin.parse("P0D")).hasMessageContaining("must be longer than zero");
        assertThatThrownBy(() -> KeepWithin.parse("PT0S")).hasMessageContaining("must be longer than zero");
        assertThatThrownBy(() -> KeepWithin.parse("P99999999Y")).hasMessageContaining("larger than 1000000");
    }

    @Test
    void cutoff_should_rollTheDayOverLikeGo_when_theTargetMonthIsShorter() {
        // GIVEN 29 February 2028 minus one year: "29 February 2027" does not exist
        Instant newest = Instant.parse("2028-02-29T06:00:00Z");

        // THEN it rolls over to 1 March, as restic (Go's AddDate) does
        assertThat(KeepWithin.parse("P1Y").cutoff(newest, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2027-03-01T06:00:00Z"));
        assertThat(KeepWithin.parse("P1M").cutoff(Instant.parse("2026-03-31T10:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
    }

    @Test
    void cutoff_should_subtractCalendarUnitsThenElapsedTime_when_bothArePresent() {
        // GIVEN 12:00 CEST on 29 March 2026 in Berlin (DST started at 02:00 that day)
        Instant newest = Instant.parse("2026-03-29T10:00:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        // THEN P1D keeps the wall-clock time (12:00 CET = 11:00Z), PT24H is 24 real hours
        assertThat(KeepWithin.parse("P1D").cutoff(newest, berlin)).isEqualTo(Instant.parse("2026-03-28T11:00:00Z"));
        assertThat(KeepWithin.parse("PT24H").cutoff(newest, berlin)).isEqualTo(Instant.parse("2026-03-28T10:00:00Z"));
        assertThat(KeepWithin.parse("P1DT1H").cutoff(newest, berlin)).isEqualTo(Instant.parse("2026-03-28T10:00:00Z"));
    }

    @Test
    void cutoff_should_moveForward_when_theWallClockTimeFallsIntoADstGap() {
        // GIVEN 02:30 CET on 30 March 2026; one day earlier, 02:30 on 29 March, does not exist in Berlin
        Instant newest = Instant.parse("2026-03-30T00:30:00Z");

        // THEN the gap's hour is skipped: 03:30 CEST = 01:30Z
        assertThat(KeepWithin.parse("P1D").cutoff(newest, ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
