package dev.auroraguard.simulator.rds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a Describe call: RDS's MaxRecords (20 to 100, default 100) and an opaque Marker. The
 * marker names the last record returned, so a page boundary survives records appearing or going away.
 */
record ResultPage<T>(List<T> records, String nextMarker) {

    static final int DEFAULT_MAX_RECORDS = 100;

    static int maxRecords(RdsInput input) {
        int maxRecords = input.integer("MaxRecords").orElse(DEFAULT_MAX_RECORDS);
        if (maxRecords < 20 || maxRecords > 100) {
            throw RdsFaults.invalidParameterValue("Invalid value " + maxRecords + " for MaxRecords. Must be between 20 and 100");
        }
        return maxRecords;
    }

    /** @param sorted records in ascending order of {@code key} */
    static <T> ResultPage<T> of(List<T> sorted, Function<T, String> key, int maxRecords, String marker) {
        int start = 0;
        if (marker != null) {
            String after = decode(marker);
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + maxRecords);
        List<T> page = List.copyOf(sorted.subList(start, end));
        String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
        return new ResultPage<>(page, next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith("after:")) {
                return text.substring("after:".length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the fault below: a marker this simulator did not hand out
        }
        throw RdsFaults.invalidParameterValue("The marker " + marker + " is not valid.");
    }
}
