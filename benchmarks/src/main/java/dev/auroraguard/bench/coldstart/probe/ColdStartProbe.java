package dev.auroraguard.bench.coldstart.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first code a cold-start sample runs (its own JVM, one CPU): it does what Lambda's Java runtime does
 * for the first invocation, load the handler class by name, construct it (the init phase), and call it
 * with the event, then reports on standard output, in lines starting with {@value #MARK}:
 * <ol>
 *   <li>{@code first-return} as soon as the first call returned (the parent times process start to this line);</li>
 *   <li>{@code rss-kb N}: the process's peak resident set so far ({@code VmHWM});</li>
 *   <li>with {@code --warm}: {@code warm-ready}, then for every event file the parent names on standard input a warm
 *       call and {@code warm-nanos N CPU SDK-CALLS SDK-N SDK-CPU} (wall time; the process's CPU time, -1 where Linux
 *       does not report it; with the SDK split, the AWS calls made, their wall time and the invoking thread's CPU in them,
 *       else -1), until the parent says {@code done}.</li>
 * </ol>
 * A baseline program is run the same way with {@code --main CLASS ARGS...}: its {@code main} is the
 * "invocation". Until the first return nothing here may load classes the measured code would not: it uses only
 * java.base (the warm invocations' CPU accounting loads java.management afterwards).
 */
public final class ColdStartProbe {

    public static final String MARK = "AG-PROBE ";
    /** Named here, not imported: the probe loads nothing but java.base unless the bench asks for the SDK split. */
    public static final String SDK_CALL_TIMER = "dev.auroraguard.bench.coldstart.sdk.SdkCallTimer";
    public static final String SDK_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length >= 2 && args[0].equals("--main")) {
            Method main = Class.forName(args[1]).getMethod("main", String[].class);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
            reportFirstReturn();
            return;
        }
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--warm"))) {
            throw new IllegalArgumentException("usage: ColdStartProbe HANDLER_CLASS FIRST_EVENT [--warm] | --main CLASS ARGS...");
        }
        HandlerCall handler = new HandlerCall(args[0]);
        handler.invoke(Files.readAllBytes(Path.of(args[1])));
        reportFirstReturn();
        if (args.length == 3) {
            System.out.println(MARK + "warm-ready");
            System.out.flush();
            boolean cpu = ProcessCpu.available();
            Method sdkTotals = sdkCallTimer();
            if (sdkTotals != null) {
                sdkTotals.invoke(null); // the first invocation's calls are not a warm one's
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String next = in.readLine(); !"done".equals(next); next = in.readLine()) {
                if (next == null) {
                    throw new IllegalStateException("the benchmark closed standard input during the warm invocations");
                }
                byte[] event = Files.readAllBytes(Path.of(next));
                long cpuBefore = cpu ? ProcessCpu.before() : 0;
                long started = System.nanoTime();
                handler.invoke(event);
                long elapsed = System.nanoTime() - started;
                long cpuNanos = cpu ? ProcessCpu.after() - cpuBefore : -1;
                long[] sdk = sdkTotals == null ? new long[] {-1, -1, -1} : (long[]) sdkTotals.invoke(null);
                System.out.println(MARK + "warm-nanos " + elapsed + " " + cpuNanos + " " + sdk[0] + " " + sdk[1] + " " + sdk[2]);
                System.out.flush();
            }
        }
    }

    /**
     * With the bench's {@code --sdk-split}, the SDK interceptor that times the function's AWS calls is on the class
     * path (with the SDK's global-interceptor file naming it): its {@code takeTotals} method. Otherwise null.
     */
    private static Method sdkCallTimer() throws ReflectiveOperationException {
        if (ColdStartProbe.class.getClassLoader().getResource(SDK_INTERCEPTORS) == null) {
            return null;
        }
        return Class.forName(SDK_CALL_TIMER).getMethod("takeTotals");
    }

    private static void reportFirstReturn() throws IOException {
        System.out.println(MARK + "first-return");
        System.out.flush();
        // A class named only here: in a -Xlog:class+load log, every line before it was loaded before the first return.
        FirstReturn.reached();
        System.out.println(MARK + "rss-kb " + peakResidentKilobytes());
        System.out.flush();
    }

    /** {@code VmHWM} from {@code /proc/self/status}: the peak resident set size, in kB (-1 off Linux). */
    static long peakResidentKilobytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** The class-load marker (see {@link #reportFirstReturn}). */
    public static final class FirstReturn {
        private FirstReturn() {
        }

        static void reached() {
            // Loading and initialising this class is the marker; nothing to do.
        }
    }
}
