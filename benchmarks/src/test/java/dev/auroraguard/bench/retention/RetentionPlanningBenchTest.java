package dev.auroraguard.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line of the benchmark runner; running JMH itself is left to {@code ./aurora-guard bench}. */
class RetentionPlanningBenchTest {

    @Test
    void parse_should_measureTheThreeSizes_when_givenNoOptions() {
        // GIVEN no options
        // WHEN they are read
        RetentionPlanningBench.Arguments arguments = RetentionPlanningBench.Arguments.parse(new String[0]);

        // THEN the three sizes of issue #8 are measured, progress shown, no JSON written
        assertThat(arguments.sizes()).containsExactly(1_000, 10_000, 100_000);
        assertThat(arguments.json()).isEmpty();
        assertThat(arguments.cold()).isFalse();
        assertThat(arguments.quiet()).isFalse();
    }

    @Test
    void parse_should_readEveryOption_when_givenThem() {
        // GIVEN every option
        String[] args = {"--sizes", "100000, 1000", "--json", "out/retention.json", "--cold", "--quiet"};

        // WHEN they are read
        RetentionPlanningBench.Arguments arguments = RetentionPlanningBench.Arguments.parse(args);

        // THEN each is taken as given
        assertThat(arguments.sizes()).containsExactly(100_000, 1_000);
        assertThat(arguments.json()).isEqualTo(Optional.of(Path.of("out/retention.json")));
        assertThat(arguments.cold()).isTrue();
        assertThat(arguments.quiet()).isTrue();
    }

    @Test
    void coldJson_should_sitNextToTheJsonFile_when_coldRunsAreMeasuredToo() {
        // GIVEN JSON files with and without the .json ending  WHEN the cold results' file is named
        // THEN it sits in the same directory with -cold added
        assertThat(RetentionPlanningBench.coldJson(Path.of("out/retention.json"))).isEqualTo(Path.of("out/retention-cold.json"));
        assertThat(RetentionPlanningBench.coldJson(Path.of("results"))).isEqualTo(Path.of("results-cold.json"));
    }

    @Test
    void parse_should_refuse_when_anOptionIsWrong() {
        // GIVEN wrong command lines  WHEN read  THEN each is refused naming the problem
        assertThatThrownBy(() -> RetentionPlanningBench.Arguments.parse(new String[] {"--sizes", "1050"}))
                .hasMessageContaining("not a positive multiple of 100");
        assertThatThrownBy(() -> RetentionPlanningBench.Arguments.parse(new String[] {"--sizes", "ten"}))
                .hasMessageContaining("\"ten\" is not a whole number");
        assertThatThrownBy(() -> RetentionPlanningBench.Arguments.parse(new String[] {"--json"}))
                .hasMessageContaining("--json needs a value");
        assertThatThrownBy(() -> RetentionPlanningBench.Arguments.parse(new String[] {"--forks", "3"}))
                .hasMessageContaining("unknown option --forks");
    }

    @Test
    void run_should_printUsageAndReturnTwo_when_theCommandLineIsWrong() {
        // GIVEN an unknown option
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // WHEN the benchmark is run with it
        int status = RetentionPlanningBench.run(new String[] {"--fast"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // THEN nothing runs: exit status 2, the problem and the usage are printed
        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("unknown option --fast")
                .contains("usage: RetentionPlanningBench");
    }

    @Test
    void defaults_should_keepAFullRunWithinThreeMinutes() {
        // GIVEN the JMH settings  WHEN the measured time of a full run is added up
        long secondsPerSize = RetentionPlanningBench.WARMUP_ITERATIONS * RetentionPlanningBench.WARMUP_TIME.convertTo(TimeUnit.SECONDS)
                + RetentionPlanningBench.MEASUREMENT_ITERATIONS * RetentionPlanningBench.MEASUREMENT_TIME.convertTo(TimeUnit.SECONDS);
        long total = RetentionPlanningBench.FORKS * secondsPerSize * RetentionPlanningBench.DEFAULT_SIZES.size();

        // THEN it leaves room for JVM start, data generation and the last, slowest operation of each iteration
        assertThat(total).isLessThanOrEqualTo(120);
    }

    @Test
    void loadNote_should_warn_when_otherProcessesWereBusy() {
        // GIVEN other processes' CPU use on an idle and on a busy machine
        // WHEN the note is written
        String idle = RetentionPlanningBench.loadNote(OptionalDouble.of(0.05), OptionalDouble.of(0.1), 2);
        String busy = RetentionPlanningBench.loadNote(OptionalDouble.of(0.1), OptionalDouble.of(1.5), 2);

        // THEN both state it; only the busy one warns that the times are inflated
        assertThat(idle).isEqualTo("Other processes' CPU use: 0.05 of 2 cores just before the run, 0.10 just after"
                + System.lineSeparator());
        assertThat(busy).contains("0.10 of 2 cores just before the run, 1.50 just after")
                .contains("WARNING: other processes were using 1.50 cores");
        assertThat(RetentionPlanningBench.loadNote(OptionalDouble.empty(), OptionalDouble.of(0), 2))
                .contains("not measurable here");
    }

    @Test
    void busyCores_should_beBetweenNoneAndEveryCore_when_measured() {
        // GIVEN this machine  WHEN other processes' CPU use is measured
        OptionalDouble busy = RetentionPlanningBench.busyCores();

        // THEN it is a share of the cores (or not measurable, off Linux)
        busy.ifPresent(cores -> assertThat(cores).isBetween(0.0, (double) Runtime.getRuntime().availableProcessors()));
    }
}
