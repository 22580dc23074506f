package dev.auroraguard.sandbox;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.Flags;
import dev.auroraguard.sandbox.cli.UsageException;
import dev.auroraguard.simulator.Faults;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code ./aurora-guard sandbox serve}: the simulator on loopback until stopped. */
final class SandboxCommand implements Command {

    static final int DEFAULT_PORT = 4555;
    /**
     * Not us-east-1: the AWS CLI v1 sends RDS calls in us-east-1 to rds.amazonaws.com whatever
     * AWS_ENDPOINT_URL says, so the pasted environment would not reach the sandbox there.
     */
    static final String DEFAULT_REGION = "eu-west-1";

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String summary() {
        return "sandbox serve: run the local AWS simulator (RDS, EventBridge, CodePipeline, SSM) for the AWS CLI and SDKs";
    }

    @Override
    public String usage() {
        return """
                Usage: ./aurora-guard sandbox serve [--port N] [--region R] [--state DIR] [--empty]
                                                    [--throttle [OPERATION=]SHARE]... [--server-errors [OPERATION=]SHARE]...
                                                    [--latency [OPERATION=]MILLIS]... [--rds-rate-limits]

                Runs the aurora-guard simulator on 127.0.0.1 until stopped (Ctrl-C): the RDS Query API,
                EventBridge, CodePipeline's job-worker calls and SSM parameters on one endpoint, answering the unmodified AWS CLI and SDKs. Prints the endpoint and
                the environment lines to paste into another shell. Resources change state on wall time with
                short delays (a snapshot is `creating` for a few seconds, then `available`).

                Options:
                  --port N                        port to listen on (default %d; 0 picks a free one)
                  --region R                      the region it simulates (default %s)
                  --state DIR                     keep the simulator's state in DIR so it survives a restart
                  --empty                         start without the seeded demo cluster `orders-db`
                  --throttle [OPERATION=]SHARE    answer this share (0..1) of calls with RDS `Throttling`
                  --server-errors [OPERATION=]SHARE  answer this share of calls with 503 ServiceUnavailable
                  --latency [OPERATION=]MILLIS    add latency to every call (or to OPERATION's)
                  --rds-rate-limits               enforce RDS's documented request rate limit: one bucket for every
                                                  RDS call, 300 at once, refilled at 12 per second; a call over it
                                                  gets RDS `Throttling` (Rate exceeded)
                  OPERATION is an API name such as CreateDBClusterSnapshot or PutEvents; without it, all calls.

                Example:
                  ./aurora-guard sandbox serve --state ~/.aurora-guard/state
                  # in another shell, paste the printed export lines, then:
                  aws rds describe-db-clusters --query 'DBClusters[].[DBClusterIdentifier,Status]'
                """.formatted(DEFAULT_PORT, DEFAULT_REGION);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Flags flags = Flags.parse("sandbox", args, Set.of("port", "region", "state", "throttle*", "server-errors*", "latency*"),
                Set.of("empty", "rds-rate-limits"));
        if (flags.positionals().isEmpty() || !flags.positionals().get(0).equals("serve")) {
            throw new UsageException("sandbox: expected `sandbox serve` (see ./aurora-guard sandbox --help)");
        }
        flags.allowPositionals(1);
        int port = flags.intValue("port", DEFAULT_PORT, 0, 65535);
        Path stateDir = flags.has("state") ? Path.of(flags.get("state", null)) : null;
        if (stateDir != null) {
            Files.createDirectories(stateDir);
        }

        Instant startedAt = Instant.now();
        boolean freshState = stateDir == null || !Files.exists(stateDir.resolve("state.json"));
        String region = flags.get("region", DEFAULT_REGION);
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new UsageException("sandbox: --region must be an AWS region name such as eu-west-1, got '" + region + "'");
        }
        SimulatorOptions options = SimulatorOptions.forServe(port, stateDir).toBuilder()
                .region(region).eventBus(SandboxDefaults.EVENT_BUS).build();
        if (flags.has("rds-rate-limits")) {
            options = options.toBuilder().rdsRateLimits().build();
        }
        if (freshState && !flags.has("empty")) {
            // Seeding starts in the past so the demo cluster has a week of history (see SandboxSeed).
            options = options.toBuilder().clock(SimClock.systemFrom(startedAt.minus(SandboxSeed.SERVE_HISTORY))).build();
        }
        Simulator simulator = Simulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SandboxEndpoint.withdraw();
            simulator.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        applyFaults(flags, simulator.faults());

        boolean seeded = false;
        if (freshState && !flags.has("empty")) {
            try (SandboxClients aws = new SandboxClients(simulator.endpoint(), simulator.region())) {
                seeded = SandboxSeed.seedIfEmpty(aws.rds(), simulator.region(), simulator.clock(), startedAt);
            }
        }
        SandboxEndpoint.publish(simulator.endpoint(), simulator.region());
        startRouting(simulator, out);

        out.println("aurora-guard sandbox: simulator listening on " + simulator.endpoint() + " (RDS, EventBridge, CodePipeline, SSM)");
        if (options.rdsRateLimit() != null) {
            out.println("RDS request rate limit: " + options.rdsRateLimit() + " (one bucket for every RDS call)");
        }
        out.println("state: " + (stateDir == null ? "in memory (gone when stopped; use --state DIR to keep it)" : stateDir.toAbsolutePath() + " (kept across restarts)"));
        if (seeded) {
            out.println("seeded: " + SandboxSeed.describeSeed());
        }
        out.println();
        out.println("Paste into another shell to point the AWS CLI and SDKs at it:");
        out.println("  export AWS_ENDPOINT_URL=" + simulator.endpoint());
        out.println("  export AWS_ACCESS_KEY_ID=" + LambdaInvoker.SANDBOX_ACCESS_KEY);
        out.println("  export AWS_SECRET_ACCESS_KEY=" + LambdaInvoker.SANDBOX_SECRET_KEY);
        out.println("  export AWS_REGION=" + simulator.region() + " AWS_DEFAULT_REGION=" + simulator.region());
        out.println();
        out.println("Then for example: aws rds describe-db-clusters --query 'DBClusters[].[DBClusterIdentifier,Status]'");
        out.println("Events matching aurora-guard's rules (" + String.join(", ", routedRules()) + ") invoke their functions here;");
        out.println("each delivery is printed below. Schedules fire only when you invoke them: ./aurora-guard invoke --help");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return Main.EXIT_OK;
    }

    /**
     * Delivers events the way the deployed rules will, from a background thread (never from inside the
     * simulator's request handling), printing one line per delivery.
     */
    private static void startRouting(Simulator simulator, PrintStream out) {
        LambdaInvoker invoker = new LambdaInvoker(simulator.endpoint(), simulator.region(), SandboxDefaults.functionEnvironment());
        EventRouter router = new EventRouter(simulator, invoker);
        ScheduledExecutorService routing = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-event-router");
            thread.setDaemon(true);
            return thread;
        });
        routing.scheduleWithFixedDelay(() -> {
            try {
                for (EventRouter.Delivery delivery : router.deliverPending()) {
                    out.println("routed " + delivery.eventSummary() + " -> rule " + delivery.ruleName() + ":");
                    out.println("  " + DemoText.outcomeLine(delivery).replace("\n", "\n  "));
                    out.flush();
                }
            } catch (RuntimeException e) {
                out.println("event routing failed: " + e);
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    private static List<String> routedRules() {
        return EventPatterns.patternRules().stream().map(EventPatterns::ruleName).toList();
    }

    private static void applyFaults(Flags flags, Faults faults) {
        for (String spec : flags.all("throttle")) {
            OperationValue v = OperationValue.parse("throttle", spec);
            faults.throttle(v.operation(), share("throttle", v.value()));
        }
        for (String spec : flags.all("server-errors")) {
            OperationValue v = OperationValue.parse("server-errors", spec);
            faults.serverError(v.operation(), 503, share("server-errors", v.value()));
        }
        for (String spec : flags.all("latency")) {
            OperationValue v = OperationValue.parse("latency", spec);
            try {
                long millis = Long.parseLong(v.value());
                if (millis < 0 || millis > 60_000) {
                    throw new NumberFormatException();
                }
                faults.latency(v.operation(), Duration.ofMillis(millis));
            } catch (NumberFormatException e) {
                throw new UsageException("sandbox: --latency takes [OPERATION=]MILLIS with MILLIS from 0 to 60000, got '" + spec + "'");
            }
        }
    }

    private static double share(String flag, String raw) {
        try {
            double share = Double.parseDouble(raw);
            if (share < 0 || share > 1) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new UsageException("sandbox: --" + flag + " takes [OPERATION=]SHARE with SHARE from 0 to 1, got '" + raw + "'");
        }
    }

    private record OperationValue(String operation, String value) {
        static OperationValue parse(String flag, String spec) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                return new OperationValue("*", spec);
            }
            String operation = spec.substring(0, eq);
            if (!operation.matches("[A-Z][A-Za-z0-9]+")) {
                throw new UsageException("sandbox: --" + flag + ": '" + operation + "' is not an API operation name such as CreateDBClusterSnapshot");
            }
            return new OperationValue(operation, spec.substring(eq + 1));
        }
    }
}
