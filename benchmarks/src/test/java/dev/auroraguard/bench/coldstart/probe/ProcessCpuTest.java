package dev.auroraguard.bench.coldstart.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test JVM is not pinned and its JIT and GC threads work when they like, so every check is relative to CPU time
 * the test itself knows was spent (or not): never to wall time.
 */
class ProcessCpuTest {

    private static final long MILLIS_150 = TimeUnit.MILLISECONDS.toNanos(150);

    @BeforeEach
    void linuxOnly() {
        assumeTrue(ProcessCpu.available(), "Linux scheduler statistics");
    }

    @Test
    void difference_should_count_the_cpu_time_when_the_calling_thread_computes() throws Exception {
        // GIVEN a reading
        long before = ProcessCpu.before();

        // WHEN this thread computes until it has had 150 ms of CPU
        spinFor(MILLIS_150);
        long cpu = ProcessCpu.after() - before;

        // THEN the process's difference holds those 150 ms
        assertThat(cpu).isGreaterThanOrEqualTo(MILLIS_150);
    }

    @Test
    void difference_should_count_the_cpu_time_when_another_thread_computes() throws Exception {
        // GIVEN a reading
        long before = ProcessCpu.before();

        // WHEN another live thread (as the JIT compiler or GC) computes until it has had 150 ms of CPU
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            spinFor(MILLIS_150);
            spun.countDown();
            awaitQuietly(measured);
        }, "cpu-test-spinner");
        other.start();
        spun.await();
        long cpu = ProcessCpu.after() - before;
        measured.countDown();
        other.join();

        // THEN the process's difference holds those 150 ms too
        assertThat(cpu).isGreaterThanOrEqualTo(MILLIS_150);
    }

    @Test
    void difference_should_leave_out_the_calling_threads_time_when_it_waits() throws Exception {
        // GIVEN readings of the whole process and of the other threads alone
        long othersBefore = ProcessCpu.otherThreads();
        long before = ProcessCpu.before();

        // WHEN this thread sleeps for 300 ms (as a function waits for an AWS answer)
        Thread.sleep(300);
        long cpu = ProcessCpu.after() - before;
        long others = ProcessCpu.otherThreads() - othersBefore;

        // THEN this thread's share of the difference is next to nothing: what remains is other threads' work
        assertThat(cpu - others).isLessThan(TimeUnit.MILLISECONDS.toNanos(30));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void spinFor(long cpuNanos) {
        long started = ProcessCpu.thisThread();
        long spin = 0;
        while (ProcessCpu.thisThread() - started < cpuNanos) {
            spin += Long.numberOfTrailingZeros(spin + started);
        }
        assertThat(spin).isNotNegative();
    }
}
