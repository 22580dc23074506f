package dev.auroraguard.bench.coldstart.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CPU time this process has had, in nanoseconds: user and kernel time of every thread (the invoking one,
 * the JIT compiler, the garbage collector), so the difference across an invocation is all the CPU the
 * function's process spent on it, and none of the time it waited for the simulator, which runs in another
 * process on another CPU.
 *
 * <p>The calling thread's time comes from the JVM ({@code CLOCK_THREAD_CPUTIME_ID}): Linux's
 * {@code /proc/.../schedstat} is only brought up to date when a thread is switched out or the timer ticks, so a
 * running thread reading its own would see its time lag, and a split at an SDK call would shift the time
 * since the last switch into the wrong side. The other threads are not running while this one reads (the
 * sample is pinned to one CPU), so their {@code schedstat} is current; a thread that ends between two readings
 * drops out of the second (the JIT, GC and SDK scheduler threads live as long as the process). Used only after
 * the first invocation returned: loading java.management must not count in the cold start.
 */
public final class ProcessCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THIS_THREAD = Path.of("/proc/thread-self/schedstat");

    private ProcessCpu() {
    }

    /** Whether this system reports the other threads' time (Linux with scheduler statistics). */
    static boolean available() {
        return Files.isReadable(THIS_THREAD);
    }

    /** Read just before the measured code: the other threads first, this thread last. */
    static long before() throws IOException {
        long others = otherThreads();
        return others + thisThread();
    }

    /** Read just after the measured code: this thread first, then the others. */
    static long after() throws IOException {
        long self = thisThread();
        return self + otherThreads();
    }

    /** The CPU time of the calling thread alone. */
    public static long thisThread() {
        return ThisThread.BEAN.getCurrentThreadCpuTime();
    }

    /** Loaded on first use, so the probe's cold path stays java.base only. */
    private static final class ThisThread {
        static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    }

    /** Every thread but the calling one, from their scheduler statistics. */
    static long otherThreads() throws IOException {
        String self = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (!task.getFileName().toString().equals(self)) {
                    sum += running(task.resolve("schedstat"));
                }
            }
        }
        return sum;
    }

    private static long running(Path schedstat) throws IOException {
        String text;
        try {
            text = Files.readString(schedstat, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException threadEnded) {
            return 0;
        }
        int end = text.indexOf(' ');
        return Long.parseLong(end < 0 ? text.trim() : text.substring(0, end));
    }
}
