package dev.auroraguard.handler;

import dev.auroraguard.domain.PreDeployOutcome;
import dev.auroraguard.domain.PreDeployOutcome.Reason;
import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.event.PreDeployRequestEvent;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CI's "Pre-Deploy Snapshot Requested" event: start the snapshot and say so with {@code Snapshot Started},
 * or {@code Snapshot Failed}, both carrying the request's label. {@code snapshot-available} later announces
 * the snapshot as available (or failed), with the same label.
 *
 * <p>The invocation fails, so that Lambda retries it with the same event (and so the same snapshot), only
 * when a retry can help: the cluster is busy, RDS did not answer, or an event was refused for a retryable
 * reason. The {@code Snapshot Failed} event says {@code retryable: true} then.
 */
public final class PreDeployRequestRun {

    private final PreDeploySnapshots snapshots;
    private final OutcomeEvents events;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;
    private final String eventBusName;

    public PreDeployRequestRun(PreDeploySnapshots snapshots, OutcomeEvents events, Clock clock, StructuredLog log,
                               String functionName, String eventBusName) {
        this.snapshots = snapshots;
        this.events = events;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
        this.eventBusName = eventBusName;
    }

    public Map<String, Object> run(Map<String, Object> input, String requestId) {
        Instant now = clock.instant();
        PreDeployRequest request;
        try {
            request = PreDeployRequestEvent.parse(input);
        } catch (InvalidEventException e) {
            return reject(input, requestId, e.getMessage(), now);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reference", request.reference());
        fields.put("cluster", request.clusterId());
        request.label().ifPresent(l -> fields.put("label", l));
        request.requester().ifPresent(r -> fields.put("requester", r));
        log.info("pre-deploy snapshot requested", fields);

        PreDeployOutcome outcome;
        try {
            outcome = snapshots.start(request);
        } catch (ServiceCallException e) {
            outcome = PreDeployOutcome.failure(request, Optional.empty(), Reason.AWS_ERROR, "RDS call failed: " + e.getMessage()
                    + (e.retryable() ? "; Lambda retries the request" : ""), e.retryable());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.error("unexpected error while handling the request", Map.of("cluster", request.clusterId(),
                    "snapshot", request.snapshotId(), "error", e.toString(), "stackTrace", trace.toString()));
            outcome = PreDeployOutcome.failure(request, Optional.empty(), Reason.INTERNAL_ERROR,
                    "aurora-guard's pre-deploy-snapshot failed unexpectedly (" + e + "); Lambda retries the request", true);
        }
        if (outcome.status() == PreDeployOutcome.Status.WAITING) {
            outcome = new PreDeployOutcome(outcome.status(), outcome.reason(), outcome.message()
                    + "; Lambda retries the request in a minute or two", outcome.clusterId(), outcome.clusterArn(),
                    outcome.snapshotId(), outcome.snapshot(), outcome.alreadyExisted(), true);
        }
        logDecision(outcome, request);
        OutcomeEvent event = OutcomeEventSchema.preDeployOutcome(outcome, request, Optional.empty(), functionName, requestId, now);
        PublishResult published = publish(List.of(event));

        boolean retryOutcome = outcome.retryable()
                && (outcome.status() == PreDeployOutcome.Status.FAILED || outcome.status() == PreDeployOutcome.Status.WAITING);
        Map<String, Object> result = result(requestId, Optional.of(request), request.reference(), outcome.status().toString(),
                outcome.reason().code(), outcome.message(), Optional.of(outcome), published, retryOutcome);
        if (Boolean.TRUE.equals(result.get("retry"))) {
            log.error("pre-deploy request not done; failing the invocation so Lambda retries it", Map.of("cluster",
                    request.clusterId(), "snapshot", request.snapshotId(), "reason", outcome.reason().code()));
            throw new RetryableFailureException(functionName + ": request " + request.reference() + " for cluster "
                    + request.clusterId() + ": " + outcome.message()
                    + (published.allPublished() ? "" : " (" + published.failed().size() + " outcome event(s) not published)"));
        }
        return result;
    }

    private Map<String, Object> reject(Map<String, Object> input, String requestId, String message, Instant now) {
        String reference = PreDeployRequestEvent.eventId(input).orElse(requestId);
        Optional<String> label = PreDeployRequestEvent.rawLabel(input).filter(l -> PreDeployRequest.textProblem(l).isEmpty());
        log.decision(Level.ERROR, message, null, null, "reject-input", Reason.INVALID_REQUEST.code(), Map.of("reference", reference));
        OutcomeEvent event = OutcomeEventSchema.preDeployRejected(PreDeployRequest.Source.EVENTBRIDGE_REQUEST, reference,
                Optional.empty(), label, message, functionName, requestId, now);
        PublishResult published = publish(List.of(event));
        Map<String, Object> result = result(requestId, Optional.empty(), reference, PreDeployOutcome.Status.FAILED.toString(),
                Reason.INVALID_REQUEST.code(), message, Optional.empty(), published, false);
        if (Boolean.TRUE.equals(result.get("retry"))) {
            throw new RetryableFailureException(functionName + ": invalid request " + reference + " (" + message
                    + "); its Snapshot Failed event was not published; Lambda will retry the invocation");
        }
        return result;
    }

    private PublishResult publish(List<OutcomeEvent> outbound) {
        return PublishedEvents.publish(events, outbound, log, eventBusName);
    }

    private void logDecision(PreDeployOutcome outcome, PreDeployRequest request) {
        Level level = switch (outcome.status()) {
            case CREATING, AVAILABLE -> Level.INFO;
            case WAITING -> Level.WARN;
            case FAILED -> Level.ERROR;
        };
        String action = switch (outcome.status()) {
            case CREATING, AVAILABLE -> "create";
            case WAITING -> "wait";
            case FAILED -> "fail";
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reference", request.reference());
        request.label().ifPresent(l -> extra.put("label", l));
        request.requester().ifPresent(r -> extra.put("requester", r));
        outcome.snapshot().ifPresent(s -> extra.put("snapshotStatus", s.status()));
        if (outcome.alreadyExisted()) {
            extra.put("alreadyExisted", true);
        }
        if (outcome.status() == PreDeployOutcome.Status.FAILED || outcome.status() == PreDeployOutcome.Status.WAITING) {
            extra.put("retryable", outcome.retryable());
        }
        log.decision(level, outcome.message(), outcome.clusterId(), outcome.snapshotId(), action, outcome.reason().code(), extra);
    }

    private Map<String, Object> result(String requestId, Optional<PreDeployRequest> request, String reference, String outcomeWord,
                                       String reason, String message, Optional<PreDeployOutcome> outcome, PublishResult published,
                                       boolean retryOutcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", functionName);
        map.put("requestId", requestId);
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", PreDeployRequest.Source.EVENTBRIDGE_REQUEST.toString());
        trigger.put("reference", reference);
        request.flatMap(PreDeployRequest::requester).ifPresent(r -> trigger.put("requester", r));
        map.put("trigger", trigger);
        request.ifPresent(r -> {
            map.put("cluster", r.clusterId());
            map.put("snapshot", r.snapshotId());
            r.label().ifPresent(l -> map.put("label", l));
        });
        outcome.flatMap(PreDeployOutcome::snapshot).ifPresent(s -> map.put("snapshotStatus", s.status()));
        if (outcome.map(PreDeployOutcome::alreadyExisted).orElse(false)) {
            map.put("alreadyExisted", true);
        }
        map.put("outcome", outcomeWord);
        map.put("reason", reason);
        map.put("message", message);
        map.put("events", PublishedEvents.toMap(published));
        map.put("retry", retryOutcome || published.failed().stream().anyMatch(FailedEvent::retryable));
        return map;
    }
}
