package dev.auroraguard.bench.coldstart;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a benchmark's samples. */
final class Percentiles {

    private Percentiles() {
    }

    /** The smallest sample with at least {@code percent}% of the samples at or below it. */
    static long of(List<Long> samples, int percent) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in 1..100: " + percent);
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[rank - 1];
    }
}
