package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket on a manual clock: it refills only when the clock moves, so every case is exact. */
class TokenBucketTest {

    private final SimClock clock = SimClock.manual(SimulatorOptions.TEST_START);

    private static int takeAll(TokenBucket bucket, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            if (bucket.tryTake()) {
                taken++;
            }
        }
        return taken;
    }

    @Test
    void tryTake_should_allowTheWholeBurstThenRefuse_when_theClockStandsStill() {
        // GIVEN RDS's documented limit, bucket full
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);

        // WHEN 300 requests arrive at the same instant
        int taken = takeAll(bucket, 300);

        // THEN all go ahead, and the 301st is over the limit
        assertThat(taken).isEqualTo(300);
        assertThat(bucket.tryTake()).isFalse();
        assertThat(bucket.available()).isZero();
    }

    @Test
    void tryTake_should_allowTheSustainedRate_when_timePasses() {
        // GIVEN an empty bucket
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);
        takeAll(bucket, 300);

        // WHEN one second passes / THEN exactly 12 more go ahead
        clock.advance(Duration.ofSeconds(1));
        assertThat(takeAll(bucket, 20)).isEqualTo(12);

        // AND a quarter of a second refills exactly 3
        clock.advance(Duration.ofMillis(250));
        assertThat(takeAll(bucket, 20)).isEqualTo(3);
    }

    @Test
    void tryTake_should_refuse_when_lessThanOneTokenHasRefilled() {
        // GIVEN an empty bucket refilling 12 per second
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);
        takeAll(bucket, 300);

        // WHEN just under 1/12 s passes / THEN no token yet
        clock.advance(Duration.ofNanos(83_333_333));
        assertThat(bucket.tryTake()).isFalse();

        // WHEN the 1/12 s is complete / THEN one token, no more
        clock.advance(Duration.ofNanos(1));
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void tryTake_should_keepTheSustainedRateExactly_when_requestsArriveAtTheRateForLong() {
        // GIVEN an empty bucket, then one request every 1/12 s (rounded up to the nanosecond) for ten minutes
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);
        takeAll(bucket, 300);
        int refused = 0;
        for (int i = 0; i < 12 * 600; i++) {
            clock.advance(Duration.ofNanos(83_333_334));
            if (!bucket.tryTake()) {
                refused++;
            }
        }

        // THEN none is refused: no rounding drift
        assertThat(refused).isZero();
    }

    @Test
    void available_should_neverExceedTheBurst_when_theBucketRestsForLong() {
        // GIVEN a bucket that lost 10 tokens, then rests for an hour
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);
        takeAll(bucket, 10);
        clock.advance(Duration.ofHours(1));

        // THEN it holds the burst, not more: tokens arriving at a full bucket are lost
        assertThat(bucket.available()).isEqualTo(300);
        assertThat(takeAll(bucket, 400)).isEqualTo(300);
    }

    @Test
    void refill_should_fillTheBucket_when_exactlyTheFillTimePasses() {
        // GIVEN an empty bucket (300 tokens at 12/s fill in 25 s)
        TokenBucket bucket = new TokenBucket(RequestRateLimit.RDS_DEFAULT, clock);
        takeAll(bucket, 300);

        // WHEN 24 s pass / THEN 288; WHEN 1 s more / THEN full
        clock.advance(Duration.ofSeconds(24));
        assertThat(bucket.available()).isEqualTo(288);
        clock.advance(Duration.ofSeconds(1));
        assertThat(bucket.available()).isEqualTo(300);
    }

    @Test
    void requestRateLimit_should_refuse_when_valuesCannotLimitAnything() {
        assertThatThrownBy(() -> new RequestRateLimit(0, 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> new RequestRateLimit(300, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sustained rate");
        assertThatThrownBy(() -> new RequestRateLimit(300, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestRateLimit.RDS_DEFAULT).hasToString("burst 300, 12 requests/s sustained");
    }
}
