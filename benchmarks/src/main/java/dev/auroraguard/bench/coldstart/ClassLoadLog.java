package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.probe.ColdStartProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a {@code -Xlog:class+load} log of a probe run. */
final class ClassLoadLog {

    private static final String PROBE_PACKAGE = ColdStartProbe.class.getPackageName() + ".";
    private static final String MARKER = ColdStartProbe.FirstReturn.class.getName() + " ";

    private ClassLoadLog() {
    }

    /**
     * Classes loaded before the first invocation returned (the probe's marker class), JDK classes included,
     * the probe's own excluded.
     */
    static long countUntilFirstReturn(Path log) throws IOException {
        return countUntilFirstReturn(Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    static long countUntilFirstReturn(List<String> lines) {
        long count = 0;
        for (String line : lines) {
            if (line.contains(MARKER)) {
                return count;
            }
            if (line.contains("[class,load]") && !line.contains(PROBE_PACKAGE)) {
                count++;
            }
        }
        throw new IllegalStateException("the class-load log has no first-return marker (" + MARKER.trim() + ")");
    }
}
