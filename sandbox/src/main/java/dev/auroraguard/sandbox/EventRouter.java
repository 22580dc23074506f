package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.events.EventPatternMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The sandbox's EventBridge rules: every event the simulator records is matched against the same
 * {@link EventPatterns} the CDK app deploys, and each match invokes its function, as a rule target would.
 * Schedule rules are fired on demand with the "Scheduled Event" EventBridge would send.
 *
 * <p>Events are queued when recorded and delivered by {@link #deliverPending()}, never from inside the
 * simulator's request handling: a function's own calls to the simulator must not run under its lock.
 */
final class EventRouter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One function invocation the router made, for narration and tests. */
    record Delivery(String ruleName, String functionName, String eventSummary, LambdaInvoker.Outcome outcome) {
    }

    private final Simulator simulator;
    private final LambdaInvoker invoker;
    private final ConcurrentLinkedQueue<RecordedEvent> pending = new ConcurrentLinkedQueue<>();
    private final Map<EventPatterns, EventPatternMatcher> matchers = EventPatterns.patternRules().stream()
            .collect(Collectors.toMap(r -> r, r -> EventPatternMatcher.of(r.eventPattern().orElseThrow())));
    private final Consumer<RecordedEvent> subscriber = pending::add;

    EventRouter(Simulator simulator, LambdaInvoker invoker) {
        this.simulator = simulator;
        this.invoker = invoker;
        simulator.events().subscribe(subscriber);
    }

    /** Delivers every queued event to the functions whose rules match, including events those functions emit. */
    List<Delivery> deliverPending() {
        List<Delivery> deliveries = new ArrayList<>();
        RecordedEvent event;
        while ((event = pending.poll()) != null) {
            String envelope = event.envelopeJson();
            for (Map.Entry<EventPatterns, EventPatternMatcher> rule : matchers.entrySet()) {
                if (rule.getKey().eventBusName().equals(event.eventBusName()) && rule.getValue().matches(envelope)) {
                    deliveries.add(invoke(rule.getKey(), envelope, event.detailType() + " " + event.resources()));
                }
            }
        }
        return deliveries;
    }

    /** Fires a schedule rule now (simulated time), then delivers what follows from it. */
    List<Delivery> fireSchedule(EventPatterns rule) {
        return fire(rule, scheduledEvent(rule, UUID.randomUUID().toString(), simulator.clock().instant()));
    }

    /** Sends an exact event to a rule's function again: what a duplicate delivery by EventBridge looks like. */
    List<Delivery> fire(EventPatterns rule, String envelope) {
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(invoke(rule, envelope, "Scheduled Event"));
        deliveries.addAll(deliverPending());
        return deliveries;
    }

    /** The "Scheduled Event" EventBridge sends a schedule rule's target, time truncated to the minute. */
    String scheduledEvent(EventPatterns rule, String id, Instant time) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", "Scheduled Event");
        envelope.put("source", "aws.events");
        envelope.put("account", simulator.accountId());
        envelope.put("time", time.truncatedTo(ChronoUnit.MINUTES).toString());
        envelope.put("region", simulator.region());
        envelope.putArray("resources").add("arn:aws:events:" + simulator.region() + ":" + simulator.accountId()
                + ":rule/aurora-guard-" + rule.ruleName());
        envelope.putObject("detail");
        return envelope.toString();
    }

    private Delivery invoke(EventPatterns rule, String envelope, String summary) {
        FunctionCatalog function = FunctionCatalog.byName(rule.functionName()).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.ruleName() + " targets " + rule.functionName() + ", which is not in the function catalog"));
        LambdaInvoker.Outcome outcome = invoker.invoke(function, envelope, Duration.ofMinutes(5));
        return new Delivery(rule.ruleName(), function.functionName(), summary, outcome);
    }

    void close() {
        simulator.events().unsubscribe(subscriber);
    }
}
