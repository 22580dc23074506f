package dev.auroraguard.port;

import dev.auroraguard.event.OutcomeEvent;
import java.util.List;

/**
 * Publishes aurora-guard's outcome events to the project's event bus (EventBridge PutEvents).
 *
 * <p>Partial failure is part of the answer, never an exception: PutEvents answers 200 even when some
 * entries were refused. A call that failed outright (after the SDK's retries) is reported the same way, per event.
 */
public interface OutcomeEvents {

    PublishResult publish(List<OutcomeEvent> events);

    /**
     * @param published how many events EventBridge accepted
     * @param failed    the events it refused, after retrying the retryable refusals
     */
    record PublishResult(int published, List<FailedEvent> failed) {
        public PublishResult {
            failed = List.copyOf(failed);
        }

        public boolean allPublished() {
            return failed.isEmpty();
        }
    }

    /** One refused event, with EventBridge's error code and message. */
    record FailedEvent(OutcomeEvent event, String errorCode, String errorMessage, boolean retryable) {
    }
}
