package dev.auroraguard.bench.coldstart.sdk;

import dev.auroraguard.bench.coldstart.probe.ColdStartProbe;
import dev.auroraguard.bench.coldstart.probe.ProcessCpu;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times every AWS SDK call a sample makes, from the SDK's first interceptor hook to its last (marshalling,
 * signing, the HTTP exchange with its wait for the simulator, unmarshalling, retries): wall time and the
 * calling thread's CPU time. Only with the cold-start bench's {@code --sdk-split}, which puts this class and
 * the SDK's global-interceptor file ({@value #INTERCEPTORS}) on the sample's class path, so every client the
 * function builds runs it. The probe reads and resets the totals after each invocation ({@link #takeTotals}).
 * Calls are synchronous and made on the invoking thread, so plain per-thread bookkeeping is enough.
 */
public final class SdkCallTimer implements ExecutionInterceptor {

    /** Where the SDK looks for global interceptors on the class path. */
    public static final String INTERCEPTORS = ColdStartProbe.SDK_INTERCEPTORS;

    private static final ThreadLocal<long[]> STARTED = new ThreadLocal<>();
    private static long calls;
    private static long wallNanos;
    private static long cpuNanos;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        STARTED.set(new long[] {System.nanoTime(), ProcessCpu.thisThread()});
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finished();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finished();
    }

    private static void finished() {
        long[] started = STARTED.get();
        if (started == null) {
            return;
        }
        STARTED.remove();
        long cpu = ProcessCpu.thisThread();
        calls++;
        wallNanos += System.nanoTime() - started[0];
        cpuNanos += cpu - started[1];
    }

    /** The SDK calls finished since the last take: {@code {calls, wall nanoseconds, CPU nanoseconds}}; resets them. */
    public static long[] takeTotals() {
        long[] totals = {calls, wallNanos, cpuNanos};
        calls = 0;
        wallNanos = 0;
        cpuNanos = 0;
        return totals;
    }
}
