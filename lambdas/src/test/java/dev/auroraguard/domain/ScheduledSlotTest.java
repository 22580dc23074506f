package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledSlotTest {

    @Test
    void containing_should_truncateToTheMinute_when_eventTimeHasSeconds() {
        // GIVEN two deliveries of one schedule occurrence, stamped seconds apart within the minute
        // WHEN their slots are taken
        ScheduledSlot first = ScheduledSlot.containing(Instant.parse("2026-11-25T03:00:06Z"));
        ScheduledSlot again = ScheduledSlot.containing(Instant.parse("2026-11-25T03:00:59.999Z"));
        // THEN they are the same slot, written compactly in UTC
        assertThat(first).isEqualTo(again);
        assertThat(first.compact()).isEqualTo("20261125-0300");
        assertThat(first.toString()).isEqualTo("2026-11-25T03:00:00Z");
    }

    @Test
    void constructor_should_refuse_when_yearDoesNotFitEightDigits() {
        // GIVEN a time in year 10000 / WHEN a slot is made / THEN it is refused
        assertThatThrownBy(() -> ScheduledSlot.containing(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
