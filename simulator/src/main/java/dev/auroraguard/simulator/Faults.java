package dev.auroraguard.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Fault injection per operation name ({@code CreateDBClusterSnapshot}, {@code PutEvents}) or {@code *}
 * for every operation. A rule for an operation wins over the {@code *} rule of the same kind.
 *
 * <p>Faults are decided when a request arrives, before the service runs, so an injected fault never
 * changes simulated state: the client sees exactly what AWS answers when it refuses a call. Shares are
 * drawn from a seeded {@link Random}, so a single-threaded test sees the same faults on every run;
 * {@link #failNext} is fully deterministic. Every call is counted, including the SDK's retries.
 *
 * <p>The calls a service's request rate limit refused ({@link SimulatorOptions#rdsRateLimit()}) are counted
 * here too ({@link #rateLimitedCount()}): they were answered with the throttling error before any rule applied,
 * so they spend no {@link #failNext} and draw no share.
 */
public final class Faults {

    /** What the simulator does with one call. */
    record Decision(Duration latency, FaultKind fault) {
    }

    private record ServerErrorRule(FaultKind kind, double share) {
    }

    private final Random random;
    private final Map<String, Double> throttleShares = new HashMap<>();
    private final Map<String, ServerErrorRule> serverErrors = new HashMap<>();
    private final Map<String, Duration> latencies = new HashMap<>();
    private final Map<String, Deque<FaultKind>> queued = new HashMap<>();

    private final Map<String, Integer> calls = new TreeMap<>();
    private final Map<FaultKind, Integer> injected = new EnumMap<>(FaultKind.class);
    private final Map<String, Integer> rateLimited = new TreeMap<>();
    private int delayed;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Answers {@code share} (0..1) of the calls to {@code operation} with the protocol's throttling error. */
    public synchronized Faults throttle(String operation, double share) {
        throttleShares.put(operation, checkShare(share));
        return this;
    }

    /** Answers {@code share} (0..1) of the calls with HTTP {@code status}: 500 {@code InternalFailure} or 503 {@code ServiceUnavailable}. */
    public synchronized Faults serverError(String operation, int status, double share) {
        FaultKind kind = switch (status) {
            case 500 -> FaultKind.INTERNAL_ERROR;
            case 503 -> FaultKind.SERVICE_UNAVAILABLE;
            default -> throw new IllegalArgumentException("server errors are 500 or 503, not " + status);
        };
        serverErrors.put(operation, new ServerErrorRule(kind, checkShare(share)));
        return this;
    }

    /** Delays every call to {@code operation} by {@code delay} of wall time before answering. */
    public synchronized Faults latency(String operation, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + delay);
        }
        latencies.put(operation, delay);
        return this;
    }

    /** Fails the next {@code count} calls to {@code operation} with {@code kind}, before any share rule. */
    public synchronized Faults failNext(String operation, FaultKind kind, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative: " + count);
        }
        Deque<FaultKind> queue = queued.computeIfAbsent(operation, op -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(kind);
        }
        return this;
    }

    /** Removes every rule and pending {@link #failNext}; the counters keep counting (see {@link #resetCounters()}). */
    public synchronized void clear() {
        throttleShares.clear();
        serverErrors.clear();
        latencies.clear();
        queued.clear();
    }

    public synchronized void resetCounters() {
        calls.clear();
        injected.clear();
        rateLimited.clear();
        delayed = 0;
    }

    /** Calls that named {@code operation}, answered or faulted, retries included. */
    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public synchronized int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized Map<String, Integer> callsByOperation() {
        return Collections.unmodifiableMap(new TreeMap<>(calls));
    }

    public synchronized int injected(FaultKind kind) {
        return injected.getOrDefault(kind, 0);
    }

    /** Calls answered with the throttling error: injected ({@link #throttle}, {@link #failNext}) or over the rate limit. */
    public synchronized int throttledCount() {
        return injected(FaultKind.THROTTLING) + rateLimitedCount();
    }

    /** Calls refused because they were over the service's request rate limit, retries included. */
    public synchronized int rateLimitedCount() {
        return rateLimited.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Calls to {@code operation} refused because they were over the service's request rate limit. */
    public synchronized int rateLimited(String operation) {
        return rateLimited.getOrDefault(operation, 0);
    }

    public synchronized Map<String, Integer> rateLimitedByOperation() {
        return Collections.unmodifiableMap(new TreeMap<>(rateLimited));
    }

    public synchronized int serverErrorCount() {
        return injected(FaultKind.INTERNAL_ERROR) + injected(FaultKind.SERVICE_UNAVAILABLE);
    }

    /** Calls that were delayed by a {@link #latency} rule. */
    public synchronized int delayedCount() {
        return delayed;
    }

    /** Counts the call and decides its fate. */
    synchronized Decision decide(String operation) {
        return decide(operation, false);
    }

    /**
     * Counts the call and decides its fate; a call {@code overRateLimit} is throttled at once, as the
     * service's front door answers it: no latency rule, no queued fault spent, no share drawn.
     */
    synchronized Decision decide(String operation, boolean overRateLimit) {
        calls.merge(operation, 1, Integer::sum);
        if (overRateLimit) {
            rateLimited.merge(operation, 1, Integer::sum);
            return new Decision(Duration.ZERO, FaultKind.THROTTLING);
        }
        Duration latency = rule(latencies, operation, Duration.ZERO);
        if (!latency.isZero()) {
            delayed++;
        }
        FaultKind fault = nextQueued(operation);
        if (fault == null) {
            double throttleShare = rule(throttleShares, operation, 0.0);
            ServerErrorRule serverError = rule(serverErrors, operation, null);
            if (throttleShare > 0 || serverError != null) {
                double draw = random.nextDouble();
                if (draw < throttleShare) {
                    fault = FaultKind.THROTTLING;
                } else if (serverError != null && draw < throttleShare + serverError.share()) {
                    fault = serverError.kind();
                }
            }
        }
        if (fault != null) {
            injected.merge(fault, 1, Integer::sum);
        }
        return new Decision(latency, fault);
    }

    private FaultKind nextQueued(String operation) {
        for (String key : new String[] {operation, "*"}) {
            Deque<FaultKind> queue = queued.get(key);
            if (queue != null && !queue.isEmpty()) {
                return queue.poll();
            }
        }
        return null;
    }

    private static <T> T rule(Map<String, T> rules, String operation, T none) {
        T specific = rules.get(operation);
        if (specific != null) {
            return specific;
        }
        return rules.getOrDefault("*", none);
    }

    private static double checkShare(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("a share is between 0 and 1, not " + share);
        }
        return share;
    }
}
