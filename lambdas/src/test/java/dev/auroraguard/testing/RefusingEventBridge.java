package dev.auroraguard.testing;

import dev.auroraguard.simulator.ServiceContext;
import dev.auroraguard.simulator.events.EventBridgeService;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simulator's EventBridge with a PutEvents partial failure in front of it: entries matching a rule
 * are answered {@code ErrorCode}/{@code ErrorMessage} (as EventBridge answers a refused entry inside a
 * 200 response) while the others are accepted by the real simulated service, for a given number of
 * refusals. Registered with {@code simulator.register(ServiceModel.EVENTS, ...)}.
 */
public final class RefusingEventBridge implements StatefulService {

    private final EventBridgeService delegate;
    private final Predicate<Map<String, Object>> refuse;
    private final String errorCode;
    private int refusalsLeft;
    private int refused;

    public RefusingEventBridge(ServiceContext context, Predicate<Map<String, Object>> refuse, String errorCode, int refusals) {
        this.delegate = new EventBridgeService(context.model(), context.clock(), context.events(), context.accountId(),
                context.region(), context.options().eventBuses());
        this.refuse = refuse;
        this.errorCode = errorCode;
        this.refusalsLeft = refusals;
    }

    /** Refuses entries whose DetailType is {@code detailType}. */
    public static Predicate<Map<String, Object>> detailType(String detailType) {
        return entry -> detailType.equals(entry.get("DetailType"));
    }

    public synchronized int refused() {
        return refused;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> handle(String operation, Map<String, Object> input) {
        if (!"PutEvents".equals(operation)) {
            return delegate.handle(operation, input);
        }
        List<Object> entries = (List<Object>) input.get("Entries");
        List<Object> forwarded = new ArrayList<>();
        List<Boolean> refusedHere = new ArrayList<>();
        for (Object entry : entries) {
            boolean no = refusalsLeft > 0 && refuse.test((Map<String, Object>) entry);
            if (no) {
                refusalsLeft--;
                refused++;
            } else {
                forwarded.add(entry);
            }
            refusedHere.add(no);
        }
        List<Object> accepted = List.of();
        int failed = 0;
        if (!forwarded.isEmpty()) {
            Map<String, Object> inner = new LinkedHashMap<>(input);
            inner.put("Entries", forwarded);
            Map<String, Object> answer = delegate.handle(operation, inner);
            accepted = (List<Object>) answer.get("Entries");
            failed = ((Number) answer.get("FailedEntryCount")).intValue();
        }
        List<Object> results = new ArrayList<>();
        int next = 0;
        for (boolean no : refusedHere) {
            if (no) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ErrorCode", errorCode);
                result.put("ErrorMessage", "Injected by the test: entry refused.");
                results.add(result);
                failed++;
            } else {
                results.add(accepted.get(next++));
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("FailedEntryCount", failed);
        output.put("Entries", results);
        return output;
    }

    @Override
    public void settle() {
        delegate.settle();
    }

    @Override
    public String stateJson() {
        return delegate.stateJson();
    }

    @Override
    public void restoreState(String json) {
        delegate.restoreState(json);
    }
}
