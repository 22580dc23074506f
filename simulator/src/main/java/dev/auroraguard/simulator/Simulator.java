package dev.auroraguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.auroraguard.simulator.codepipeline.CodePipelineService;
import dev.auroraguard.simulator.events.EventBridgeService;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.JsonProtocol;
import dev.auroraguard.simulator.protocol.QueryProtocol;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.SimulatedService;
import dev.auroraguard.simulator.protocol.StatefulService;
import dev.auroraguard.simulator.protocol.WireProtocol;
import dev.auroraguard.simulator.protocol.WireRequest;
import dev.auroraguard.simulator.protocol.WireResponse;
import dev.auroraguard.simulator.rds.RdsSimulator;
import dev.auroraguard.simulator.ssm.SsmParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The local AWS control plane: one HTTP endpoint on 127.0.0.1 serving every simulated service, as
 * {@code AWS_ENDPOINT_URL} expects. Requests with {@code X-Amz-Target} go to the JSON service with that
 * target prefix (EventBridge {@code AWSEvents}, ...); form-encoded {@code Action=} requests go to the
 * Query service (RDS) the request is signed for.
 *
 * <p>Every request first counts against {@link #faults()} (which may delay or refuse it without touching
 * state; with {@link SimulatorOptions#rdsRateLimit()} an RDS request over the limit is refused there too), then — under one lock shared by all services — settles every {@link StatefulService} to the
 * clock's current time, runs the service and, with a state directory, saves the state when it changed.
 * On a manual clock, {@link SimClock#advance} settles too; on the system clock a background ticker does.
 */
public final class Simulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int HTTP_THREADS = 32;

    private record Endpoint(ServiceModel model, WireProtocol protocol, SimulatedService service) {
    }

    /**
     * The services every simulator starts (unless {@link SimulatorOptions#services()} narrows them), by
     * service model name, in start order.
     */
    private static final Map<String, Function<ServiceContext, ? extends SimulatedService>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put(ServiceModel.RDS, context -> new RdsSimulator(context.model(), context.clock(), context.timings(),
                context.events(), context.accountId(), context.region(), context.options().manualClusterSnapshotQuota(),
                context.options().clusterQuota()));
        BUILT_IN.put(ServiceModel.EVENTS, context -> new EventBridgeService(context.model(), context.clock(),
                context.events(), context.accountId(), context.region(), context.options().eventBuses()));
        BUILT_IN.put(ServiceModel.SSM, context -> new SsmParameterStore(context.model(), context.clock(), context.accountId(),
                context.region()));
        BUILT_IN.put(ServiceModel.CODEPIPELINE, context -> new CodePipelineService(context.model(), context.clock(), context.accountId()));
    }

    static {
        // The JDK server writes response headers and body separately; with Nagle's algorithm on, the
        // client's delayed ACK then stalls every answer by ~40 ms. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorOptions options;
    private final Faults faults;
    /** RDS's request rate limit, when the options ask for one; null otherwise. */
    private final TokenBucket rdsRequests;
    private final EventLog events = new EventLog();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final StateStore store;
    private final Map<String, String> unclaimedState = new ConcurrentHashMap<>();
    private HttpServer server;
    private final LongAdder busyNanos = new LongAdder();
    private ExecutorService httpThreads;
    private ScheduledExecutorService ticker;
    private volatile boolean closed;

    private Simulator(SimulatorOptions options) {
        this.options = options;
        this.faults = new Faults(options.faultSeed());
        this.rdsRequests = options.rdsRateLimit() == null ? null : new TokenBucket(options.rdsRateLimit(), options.clock());
        this.store = options.stateDir() == null ? null : new StateStore(options.stateDir());
        if (store != null) {
            StateStore.Snapshot saved = store.load();
            unclaimedState.putAll(saved.serviceStates());
            saved.events().forEach(events::record);
        }
        if (options.services() != null) {
            for (String requested : options.services()) {
                if (!BUILT_IN.containsKey(requested)) {
                    throw new IllegalArgumentException("no built-in service for the model " + requested + "; built in: "
                            + BUILT_IN.keySet());
                }
            }
        }
        BUILT_IN.forEach((modelName, factory) -> {
            if (options.starts(modelName)) {
                register(modelName, factory);
            }
        });
    }

    /** Starts a simulator listening on 127.0.0.1 (port from the options, 0 = a free one). */
    public static Simulator start(SimulatorOptions options) throws IOException {
        Simulator simulator = new Simulator(options);
        simulator.listen();
        return simulator;
    }

    private void listen() throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        } catch (java.net.BindException e) {
            throw new java.net.BindException("cannot listen on 127.0.0.1:" + options.port() + " (" + e.getMessage()
                    + "): is another simulator or emulator running there? Choose another port or 0 for a free one.");
        }
        httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("aurora-guard-simulator-http-"));
        server.setExecutor(httpThreads);
        server.createContext("/", this::exchange);
        server.start();
        // Any explicit move of the clock settles at once; wall time needs the ticker besides.
        options.clock().onAdvance(() -> {
            if (!closed) {
                settle();
            }
        });
        if (!options.clock().isManual()) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("aurora-guard-simulator-ticker-"));
            long period = options.settleInterval().toMillis();
            ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        }
        LOG.log(Level.INFO, "AWS simulator listening on {0} (account {1}, region {2}, {3} clock{4})", endpoint(),
                options.accountId(), options.region(), options.clock().isManual() ? "manual" : "system",
                store == null ? "" : ", state in " + store.file());
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- public API --------------------------------------------------------------------------------

    /**
     * Nanoseconds spent answering HTTP requests so far, from reading a request to writing its response:
     * what benchmarks subtract to tell a client's own time from the simulator's.
     */
    public long busyNanos() {
        return busyNanos.sum();
    }

    /** {@code http://127.0.0.1:<port>}: give it to SDK clients as endpoint override or {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimClock clock() {
        return options.clock();
    }

    public Faults faults() {
        return faults;
    }

    public EventLog events() {
        return events;
    }

    /**
     * The token bucket of RDS's request rate limit when {@link SimulatorOptions#rdsRateLimit()} is set: every RDS
     * call takes a token, one that finds none is answered {@code Throttling} and counted in
     * {@link Faults#rateLimitedCount()}.
     */
    public Optional<TokenBucket> rdsRateLimit() {
        return Optional.ofNullable(rdsRequests);
    }

    public String accountId() {
        return options.accountId();
    }

    public String region() {
        return options.region();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The built-in EventBridge (event buses, PutEvents). */
    public EventBridgeService eventBridge() {
        return service(EventBridgeService.class);
    }

    /** The built-in CodePipeline (jobs of Lambda invoke actions, PutJobSuccessResult, PutJobFailureResult). */
    public CodePipelineService codePipeline() {
        return service(CodePipelineService.class);
    }

    /** The simulated RDS, for its test-control API ({@code forceSnapshotStatus}, counts ...). */
    public RdsSimulator rds() {
        return service(RdsSimulator.class);
    }

    /** The built-in SSM Parameter Store (GetParameter, PutParameter). */
    public SsmParameterStore ssm() {
        return service(SsmParameterStore.class);
    }

    /**
     * Builds a service for the model {@code modelName} (e.g. {@link ServiceModel#RDS}) and serves it,
     * replacing any service registered for that model. A {@link StatefulService} gets its saved state
     * back (when the state directory has some), is settled before every request and saved after.
     *
     * @return the service the factory built
     */
    public <T extends SimulatedService> T register(String modelName, Function<ServiceContext, T> factory) {
        ServiceModel model = ServiceModel.load(modelName);
        WireProtocol protocol = switch (model.protocol()) {
            case "query" -> new QueryProtocol(model);
            case "json" -> new JsonProtocol(model);
            default -> throw new IllegalArgumentException(modelName + " uses the " + model.protocol()
                    + " protocol, which the simulator does not speak");
        };
        T service = factory.apply(new ServiceContext(model, options.clock(), options.timings(), events,
                options.accountId(), options.region(), options));
        stateLock.lock();
        try {
            String saved = unclaimedState.remove(modelName);
            if (saved != null) {
                if (!(service instanceof StatefulService stateful)) {
                    throw new IllegalStateException("saved state exists for " + modelName + " but " + service.getClass().getName()
                            + " is not a StatefulService");
                }
                stateful.restoreState(saved);
            }
            endpoints.put(modelName, new Endpoint(model, protocol, service));
        } finally {
            stateLock.unlock();
        }
        return service;
    }

    /** The registered service of class {@code type} (e.g. the RDS simulator, for its test-control API). */
    public <T extends SimulatedService> T service(Class<T> type) {
        return endpoints.values().stream().map(Endpoint::service).filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getName() + " is registered; registered: "
                        + endpoints.keySet()));
    }

    /**
     * Applies every transition due at the clock's current time in every stateful service, then saves.
     * Events the services publish meanwhile reach {@link EventLog} subscribers after the lock is released.
     */
    public void settle() {
        events.deferringDelivery(() -> {
            stateLock.lock();
            try {
                settleLocked();
            } finally {
                stateLock.unlock();
            }
            return null;
        });
    }

    private void settleLocked() {
        for (Endpoint endpoint : endpoints.values()) {
            if (endpoint.service() instanceof StatefulService stateful) {
                stateful.settle();
            }
        }
        persist();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.stop(0);
        httpThreads.shutdownNow();
        stateLock.lock();
        try {
            persist();
        } finally {
            stateLock.unlock();
        }
        LOG.log(Level.INFO, "AWS simulator on port {0} stopped", Integer.toString(port()));
    }

    // ---- requests ----------------------------------------------------------------------------------

    private void tick() {
        try {
            settle();
        } catch (RuntimeException | Error e) {
            // The ticker must keep running: a scheduled task that throws is never run again.
            LOG.log(Level.ERROR, "settling the simulated services failed", e);
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            WireRequest request = read(exchange);
            WireResponse response = dispatch(request);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } finally {
            busyNanos.add(System.nanoTime() - started);
        }
    }

    private static WireRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        URI uri = exchange.getRequestURI();
        return new WireRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    /** Answers one request; never throws. Package-visible for tests of the routing. */
    WireResponse dispatch(WireRequest request) {
        String requestId = UUID.randomUUID().toString();
        Optional<Endpoint> routed;
        try {
            routed = route(request);
        } catch (AwsServiceException unroutable) {
            return unroutable(request, unroutable, requestId);
        }
        if (routed.isEmpty()) {
            return WireResponse.of(400, "text/plain; charset=utf-8", requestId,
                    "The aurora-guard AWS simulator answers AWS Query requests (a form-encoded body with Action=...) and "
                            + "AWS JSON requests (an X-Amz-Target header). This " + request.method() + " " + request.path()
                            + " request is neither.\n");
        }
        Endpoint endpoint = routed.get();
        WireProtocol protocol = endpoint.protocol();
        ServiceModel.Operation operation;
        try {
            operation = protocol.operation(request);
        } catch (AwsServiceException e) {
            return protocol.error(e, requestId);
        }
        // The rate limit is RDS's front door: it counts the request before any other rule or the service sees it.
        boolean overRateLimit = rdsRequests != null && ServiceModel.RDS.equals(endpoint.model().name()) && !rdsRequests.tryTake();
        Faults.Decision decision = faults.decide(operation.name(), overRateLimit);
        if (!decision.latency().isZero()) {
            sleep(decision.latency());
        }
        if (decision.fault() != null) {
            LOG.log(Level.DEBUG, "{0} {1}: {2} {3}", endpoint.model().serviceId(), operation.name(),
                    overRateLimit ? "over the request rate limit," : "injected", decision.fault());
            return protocol.error(switch (decision.fault()) {
                case THROTTLING -> protocol.throttlingError();
                case INTERNAL_ERROR -> protocol.internalError(
                        "The request processing has failed because of an unknown error, exception or failure.");
                case SERVICE_UNAVAILABLE -> protocol.serviceUnavailableError();
            }, requestId);
        }
        try {
            Map<String, Object> input = protocol.parseInput(operation, request);
            return events.deferringDelivery(() -> {
                stateLock.lock();
                try {
                    settleLocked();
                    Map<String, Object> output = endpoint.service().handle(operation.name(), input);
                    WireResponse response = protocol.success(operation, output, requestId);
                    persist();
                    return response;
                } finally {
                    stateLock.unlock();
                }
            });
        } catch (AwsServiceException e) {
            LOG.log(Level.DEBUG, "{0} {1}: {2} {3}", endpoint.model().serviceId(), operation.name(), e.code(), e.getMessage());
            return protocol.error(e, requestId);
        } catch (RuntimeException e) {
            // A simulator bug: answer loudly rather than half-working, and keep the stack trace.
            LOG.log(Level.ERROR, "simulator failure in " + endpoint.model().serviceId() + " " + operation.name()
                    + " (request " + requestId + ")", e);
            return protocol.error(protocol.internalError("Simulator failure in " + operation.name() + ": " + e), requestId);
        }
    }

    private Optional<Endpoint> route(WireRequest request) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            for (Endpoint endpoint : endpoints.values()) {
                if (prefix.equals(endpoint.model().targetPrefix())) {
                    return Optional.of(endpoint);
                }
            }
            throw AwsServiceException.sender("UnknownOperationException", "The simulator serves no service with the target prefix '"
                    + prefix + "' (X-Amz-Target: " + target + "); it serves " + served() + ".");
        }
        if (QueryProtocol.looksLikeQuery(request)) {
            List<Endpoint> queryServices = endpoints.values().stream().filter(e -> "query".equals(e.model().protocol())).toList();
            String signedFor = request.signingService();
            for (Endpoint endpoint : queryServices) {
                if (endpoint.model().signingName().equals(signedFor)) {
                    return Optional.of(endpoint);
                }
            }
            if (signedFor == null && queryServices.size() == 1) {
                return Optional.of(queryServices.get(0));
            }
            throw AwsServiceException.sender("InvalidAction", "The simulator serves no Query service for "
                    + (signedFor == null ? "this unsigned request" : "'" + signedFor + "'") + "; it serves " + served() + ".");
        }
        return Optional.empty();
    }

    private WireResponse unroutable(WireRequest request, AwsServiceException error, String requestId) {
        if (request.header("X-Amz-Target") != null) {
            String body = "{\"__type\":\"" + error.code() + "\",\"message\":" + jsonString(error.getMessage()) + "}";
            return WireResponse.of(error.httpStatus(), "application/x-amz-json-1.1", requestId, body);
        }
        String body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + error.code() + "</Code><Message>"
                + error.getMessage().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return WireResponse.of(error.httpStatus(), "text/xml", requestId, body);
    }

    private String served() {
        return endpoints.values().stream()
                .map(e -> e.model().serviceId() + " (" + ("json".equals(e.model().protocol())
                        ? "X-Amz-Target " + e.model().targetPrefix() + ".*" : "Query, signed for " + e.model().signingName()) + ")")
                .sorted().reduce((a, b) -> a + ", " + b).orElse("nothing");
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves every stateful service and the event log when a state directory is set. Caller holds the lock. */
    private void persist() {
        if (store == null) {
            return;
        }
        Map<String, String> states = new LinkedHashMap<>(unclaimedState);
        for (Map.Entry<String, Endpoint> entry : endpoints.entrySet()) {
            if (entry.getValue().service() instanceof StatefulService stateful) {
                states.put(entry.getKey(), stateful.stateJson());
            }
        }
        store.writeIfChanged(new java.util.TreeMap<>(states), events.all());
    }

    @Override
    public String toString() {
        return "Simulator[" + (server == null ? "not listening" : endpoint()) + ", serves " + served() + "]";
    }
}
