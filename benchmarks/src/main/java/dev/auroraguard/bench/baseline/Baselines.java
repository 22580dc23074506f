package dev.auroraguard.bench.baseline;

import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** What every baseline checks, so that a baseline never measures a failure as a success. */
final class Baselines {

    private Baselines() {
    }

    static void requireAccepted(PutEventsResponse response) {
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutEvents rejected " + response.failedEntryCount() + " entries: " + response.entries());
        }
    }
}
