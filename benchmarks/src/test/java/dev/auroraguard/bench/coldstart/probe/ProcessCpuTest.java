package dev.auroraguard.bench.coldstart.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @BeforeEach
    void linuxOnly() {
        assumeTrue(ProcessCpu.available(), "Linux scheduler statistics");
    }

    @Test
    void difference_should_count_the_cpu_time_when_the_thread_computes() throws Exception {
        // GIVEN a reading before 200 ms of busy work on this thread
        long before = ProcessCpu.before();

        // WHEN the thread computes for 200 ms of wall time
        long started = System.nanoTime();
        long spin = 0;
        while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(200)) {
            spin += Long.numberOfTrailingZeros(spin + started);
        }
        long cpu = ProcessCpu.after() - before;

        // THEN most of those 200 ms show up as CPU time (another process may take the CPU now and then)
        assertThat(spin).isNotNegative();
        assertThat(cpu).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void difference_should_leave_out_the_time_when_the_thread_waits() throws Exception {
        // GIVEN a reading before a wait
        long before = ProcessCpu.before();

        // WHEN the thread sleeps for 300 ms (as a function waits for an AWS answer)
        Thread.sleep(300);
        long cpu = ProcessCpu.after() - before;

        // THEN almost none of it is CPU time (what the test JVM's other threads do meanwhile is small)
        assertThat(cpu).isNotNegative().isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }
}
