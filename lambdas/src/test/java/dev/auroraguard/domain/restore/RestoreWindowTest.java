package dev.auroraguard.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RestoreWindowTest {

    private static final Instant EARLIEST = Instant.parse("2026-11-18T04:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-11-25T03:55:12.345Z");
    private final RestoreWindow window = new RestoreWindow(EARLIEST, LATEST);

    @Test
    void fit_should_keepTheInstant_when_insideTheWindow() {
        assertThat(window.fit(Instant.parse("2026-11-24T12:00:00.900Z"))).isEqualTo(new RestoreWindow.Within(Instant.parse("2026-11-24T12:00:00Z")));
    }

    @Test
    void fit_should_clampToLatest_when_afterTheWindow() {
        // WHEN
        RestoreWindow.Fit fit = window.fit(Instant.parse("2026-11-25T04:10:00Z"));

        // THEN
        assertThat(fit).isEqualTo(new RestoreWindow.Clamped(Instant.parse("2026-11-25T04:10:00Z"), Instant.parse("2026-11-25T03:55:12Z")));
    }

    @Test
    void fit_should_refuse_when_beforeTheWindow() {
        RestoreWindow.Fit fit = window.fit(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(fit).isInstanceOf(RestoreWindow.TooEarly.class);
        assertThatThrownBy(fit::instant).isInstanceOf(IllegalStateException.class);
        assertThat(window.toString()).isEqualTo("[2026-11-18T04:00:00Z, 2026-11-25T03:55:12.345Z]");
    }

    @Test
    void constructor_should_refuse_when_earliestAfterLatest() {
        assertThatThrownBy(() -> new RestoreWindow(LATEST, EARLIEST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void fit_should_neverRestoreOutsideTheWindow(@ForAll @LongRange(min = -30 * 86_400, max = 30 * 86_400) long offsetSeconds) {
        Instant requested = LATEST.plusSeconds(offsetSeconds);
        RestoreWindow.Fit fit = window.fit(requested);
        if (!(fit instanceof RestoreWindow.TooEarly)) {
            assertThat(fit.instant()).isBetween(EARLIEST, LATEST).isBeforeOrEqualTo(requested);
        } else {
            assertThat(requested).isBefore(EARLIEST);
        }
    }
}
