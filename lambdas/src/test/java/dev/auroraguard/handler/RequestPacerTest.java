package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T04:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final RequestPacer.Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };

    private static void turn(RequestPacer pacer) {
        try {
            pacer.awaitTurn();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void awaitTurn_should_spaceRequestsAtTheInterval_when_calledBackToBack() {
        // GIVEN two requests per second
        RequestPacer pacer = new RequestPacer(Duration.ofMillis(500), clock, sleeper);
        // WHEN four requests start back to back
        Instant start = clock.instant();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turn(pacer);
            starts.add(clock.instant());
        }
        // THEN the first starts at once and each next one 500 ms after the previous
        assertThat(starts).containsExactly(start, start.plusMillis(500), start.plusMillis(1000), start.plusMillis(1500));
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void awaitTurn_should_waitOnlyTheRemainder_when_thePreviousRequestTookTime() {
        // GIVEN one request per second, the previous request having taken 700 ms
        RequestPacer pacer = new RequestPacer(Duration.ofSeconds(1), clock, sleeper);
        turn(pacer);
        clock.advance(Duration.ofMillis(700));
        // WHEN the next request asks / THEN it waits 300 ms
        turn(pacer);
        assertThat(sleeps).containsExactly(Duration.ofMillis(300));
        // AND WHEN a request took longer than the interval / THEN the next one does not wait at all
        clock.advance(Duration.ofSeconds(3));
        turn(pacer);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void awaitTurn_should_passTheInterruptOn_when_theWaitIsInterrupted() {
        // GIVEN a sleeper that is interrupted
        RequestPacer pacer = new RequestPacer(Duration.ofSeconds(1), clock, d -> {
            throw new InterruptedException("stop");
        });
        turn(pacer);
        // WHEN the next request asks / THEN the interrupt reaches the caller
        assertThatThrownBy(pacer::awaitTurn).isInstanceOf(InterruptedException.class);
    }
}
