package dev.auroraguard.handler;

import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.ClientPriming;
import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart priming: before Lambda snapshots the initialised function (after init, when a
 * version is published), parse the function's sample event the way an invocation does and make the
 * read-only {@link ClientPriming} calls, so restored containers start with that code loaded and warm.
 * Outside SnapStart (the sandbox, tests, a JVM without CRaC) the hook is registered and never called.
 *
 * <p>The handler keeps a reference: the CRaC context only holds resources weakly.
 */
public final class SnapStartPriming implements Resource {

    private final FunctionCatalog function;
    private final Consumer<Map<String, Object>> parseEvent;
    private final List<ClientPriming.Call> calls;
    private final StructuredLog log;

    SnapStartPriming(FunctionCatalog function, Consumer<Map<String, Object>> parseEvent, List<ClientPriming.Call> calls,
                     StructuredLog log) {
        this.function = function;
        this.parseEvent = parseEvent;
        this.calls = List.copyOf(calls);
        this.log = log;
    }

    /**
     * Creates the function's priming over the SDK clients its handler uses (the shared ones for its AWS
     * settings) and registers it with the CRaC runtime. Every function calls RDS and EventBridge, so those
     * clients are always primed; {@code otherCalls} adds the function's other services.
     */
    static SnapStartPriming register(FunctionCatalog function, Environment environment, StructuredLog log,
                                     Consumer<Map<String, Object>> parseEvent,
                                     Function<AwsClients, List<ClientPriming.Call>> otherCalls) {
        AwsClients clients = AwsClients.shared(AwsSettings.fromEnvironment(environment));
        String bus = environment.get(ScheduledSnapshotSettings.EVENT_BUS_NAME)
                .orElse(ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        List<ClientPriming.Call> calls = new ArrayList<>(List.of(ClientPriming.rds(clients.rds()),
                ClientPriming.eventBridge(clients.eventBridge(), bus)));
        calls.addAll(otherCalls.apply(clients));
        SnapStartPriming priming = new SnapStartPriming(function, parseEvent, calls, log);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The priming of a function that calls RDS and EventBridge only. */
    static SnapStartPriming register(FunctionCatalog function, Environment environment, StructuredLog log,
                                     Consumer<Map<String, Object>> parseEvent) {
        return register(function, environment, log, parseEvent, clients -> List.of());
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: credentials come from the container endpoint per call (see LambdaCredentials).
    }

    /** Parses the sample event and makes the calls; returns what each did (also logged as one line). */
    public Map<String, String> prime() {
        long started = System.nanoTime();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try {
            parseEvent.accept(sampleEvent(function));
            outcomes.put("event", "parsed");
        } catch (RuntimeException e) {
            outcomes.put("event", "failed: " + e.getMessage());
        }
        outcomes.putAll(ClientPriming.run(calls));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "snapstart-priming");
        fields.put("outcomes", outcomes);
        fields.put("millis", (System.nanoTime() - started) / 1_000_000);
        log.log(StructuredLog.Level.INFO, "primed for SnapStart before the checkpoint", fields);
        return outcomes;
    }

    /** The function's sample event, bundled as {@code priming/<function-name>.json}. */
    static Map<String, Object> sampleEvent(FunctionCatalog function) {
        String resource = "priming/" + function.functionName() + ".json";
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no sample event " + resource + " for " + function.functionName());
            }
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
