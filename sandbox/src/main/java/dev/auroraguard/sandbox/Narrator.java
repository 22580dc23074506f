package dev.auroraguard.sandbox;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Plain, readable demo output: chapters, numbered steps, indented details, with the simulated time. */
final class Narrator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final Supplier<Instant> clock;
    private int chapter;
    private int step;

    Narrator(PrintStream out, Supplier<Instant> clock) {
        this.out = out;
        this.clock = clock;
    }

    void chapter(String title) {
        chapter++;
        step = 0;
        out.println();
        String heading = "Chapter " + chapter + ". " + title;
        out.println(heading);
        out.println("=".repeat(heading.length()));
    }

    void step(String text) {
        step++;
        out.println();
        out.println("[" + TIME.format(clock.get()) + "] " + chapter + "." + step + " " + text);
    }

    void detail(String text) {
        for (String line : text.split("\n", -1)) {
            out.println("      " + line);
        }
    }

    void say(String text) {
        out.println(text);
    }
}
