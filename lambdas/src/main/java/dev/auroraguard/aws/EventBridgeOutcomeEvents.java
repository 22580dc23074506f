package dev.auroraguard.aws;

import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.json.Json;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.ServiceCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link OutcomeEvents} over EventBridge PutEvents. PutEvents answers 200 even when it refuses some
 * entries; every result entry is checked. Entries refused for a retryable reason (InternalFailure,
 * ThrottlingException) are sent again, up to {@link #ROUNDS} times in all; what is still refused is
 * returned to the caller, as are the events of a call that failed outright. It never throws for AWS
 * errors: the caller always learns exactly which events were not published.
 */
public final class EventBridgeOutcomeEvents implements OutcomeEvents {

    static final int MAX_ENTRIES_PER_CALL = 10;
    static final int ROUNDS = 3;
    private static final Set<String> RETRYABLE_CODES = Set.of("InternalFailure", "ThrottlingException");

    private final EventBridgeClient eventBridge;
    private final String eventBusName;

    public EventBridgeOutcomeEvents(EventBridgeClient eventBridge, String eventBusName) {
        this.eventBridge = eventBridge;
        this.eventBusName = eventBusName;
    }

    @Override
    public PublishResult publish(List<OutcomeEvent> events) {
        int published = 0;
        List<FailedEvent> failed = new ArrayList<>();
        for (int from = 0; from < events.size(); from += MAX_ENTRIES_PER_CALL) {
            List<OutcomeEvent> pending = events.subList(from, Math.min(events.size(), from + MAX_ENTRIES_PER_CALL));
            for (int round = 1; round <= ROUNDS && !pending.isEmpty(); round++) {
                if (round > 1) {
                    pause(round);
                }
                List<FailedEvent> refused;
                try {
                    refused = putEvents(pending);
                } catch (ServiceCallException e) {
                    // The call itself failed (after the SDK's retries): these events are not published.
                    for (OutcomeEvent event : pending) {
                        failed.add(new FailedEvent(event, e.errorCode(), e.getMessage(), e.retryable()));
                    }
                    break;
                }
                published += pending.size() - refused.size();
                boolean lastRound = round == ROUNDS;
                List<OutcomeEvent> again = new ArrayList<>();
                for (FailedEvent f : refused) {
                    if (f.retryable() && !lastRound) {
                        again.add(f.event());
                    } else {
                        failed.add(f);
                    }
                }
                pending = again;
            }
        }
        return new PublishResult(published, failed);
    }

    private List<FailedEvent> putEvents(List<OutcomeEvent> events) {
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(PutEventsRequest.builder()
                    .entries(events.stream().map(this::entry).toList())
                    .build());
        } catch (SdkException e) {
            throw AwsErrors.translate("PutEvents", e);
        }
        List<PutEventsResultEntry> results = response.entries();
        List<FailedEvent> refused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result == null) {
                refused.add(new FailedEvent(events.get(i), "MissingResultEntry",
                        "PutEvents answered " + results.size() + " entries for " + events.size() + " events", true));
            } else if (result.errorCode() != null || result.eventId() == null) {
                String code = result.errorCode() == null ? "NoEventId" : result.errorCode();
                refused.add(new FailedEvent(events.get(i), code, String.valueOf(result.errorMessage()),
                        RETRYABLE_CODES.contains(code)));
            }
        }
        if (refused.isEmpty() && response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            // The count and the entries disagree: trust neither and say so.
            throw new ServiceCallException("PutEvents", "InconsistentResponse", true,
                    "FailedEntryCount is " + response.failedEntryCount() + " but no entry carries an error", null);
        }
        return refused;
    }

    private PutEventsRequestEntry entry(OutcomeEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(event.source())
                .detailType(event.detailType())
                .time(event.time())
                .resources(event.resources())
                .detail(Json.write(event.detail()))
                .build();
    }

    private static void pause(int round) {
        try {
            Thread.sleep(100L * (1L << (round - 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("PutEvents", "Interrupted", true, "interrupted while retrying refused entries", e);
        }
    }
}
