package dev.auroraguard.testing;

import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.port.OutcomeEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records published events; refuses those matching a rule, as PutEvents refuses entries. */
public final class RecordingOutcomeEvents implements OutcomeEvents {

    private final List<OutcomeEvent> published = new ArrayList<>();
    private Predicate<OutcomeEvent> refuse = e -> false;
    private String refusalCode = "InternalFailure";
    private boolean refusalRetryable = true;

    public RecordingOutcomeEvents refuse(Predicate<OutcomeEvent> rule, String code, boolean retryable) {
        this.refuse = rule;
        this.refusalCode = code;
        this.refusalRetryable = retryable;
        return this;
    }

    public RecordingOutcomeEvents acceptAll() {
        this.refuse = e -> false;
        return this;
    }

    @Override
    public PublishResult publish(List<OutcomeEvent> events) {
        List<FailedEvent> failed = new ArrayList<>();
        for (OutcomeEvent event : events) {
            if (refuse.test(event)) {
                failed.add(new FailedEvent(event, refusalCode, "refused by test", refusalRetryable));
            } else {
                published.add(event);
            }
        }
        return new PublishResult(events.size() - failed.size(), failed);
    }

    public List<OutcomeEvent> published() {
        return List.copyOf(published);
    }

    public List<OutcomeEvent> withDetailType(String detailType) {
        return published.stream().filter(e -> e.detailType().equals(detailType)).toList();
    }
}
