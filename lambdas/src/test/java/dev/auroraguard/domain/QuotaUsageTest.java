package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaUsageTest {

    @Test
    void reaches_should_includeTheBoundary_when_usageEqualsTheShare() {
        // GIVEN 79, 80 and 81 of 100 used / WHEN compared with 0.8 / THEN 80 and 81 reach it, 79 does not
        assertThat(new QuotaUsage("q", 79, 100).reaches(0.8)).isFalse();
        assertThat(new QuotaUsage("q", 80, 100).reaches(0.8)).isTrue();
        assertThat(new QuotaUsage("q", 81, 100).reaches(0.8)).isTrue();
    }

    @Test
    void reaches_should_handleOddMaxima_when_shareIsNotAWholeUnit() {
        // GIVEN 3 of 7 used (42.9%) / WHEN compared with 0.43 and 0.42 / THEN only 0.42 is reached
        assertThat(new QuotaUsage("q", 3, 7).reaches(0.43)).isFalse();
        assertThat(new QuotaUsage("q", 3, 7).reaches(0.42)).isTrue();
    }
}
