package dev.auroraguard.event;

import dev.auroraguard.domain.restore.AlarmTransition;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreType;
import java.util.Map;

/** What the {@code point-in-time-restore} function is invoked with: a restore request, or an alarm in either shape. */
public sealed interface PointInTimeRestoreInput {

    record Requested(RestoreRequest request) implements PointInTimeRestoreInput {
    }

    /** A {@code Restore Requested} whose detail can't be acted on. */
    record InvalidRequest(InvalidRestoreRequestException problem) implements PointInTimeRestoreInput {
    }

    record Alarm(AlarmTransition transition) implements PointInTimeRestoreInput {
    }

    static PointInTimeRestoreInput parse(Map<String, Object> input, RestoreType defaultType) {
        if (input == null) {
            throw new InvalidEventException("point-in-time-restore was invoked without input");
        }
        if (RestoreRequestedEvent.isRestoreRequested(input)) {
            try {
                return new Requested(RestoreRequestedEvent.parse(input, defaultType));
            } catch (InvalidRestoreRequestException e) {
                return new InvalidRequest(e);
            }
        }
        if (CloudWatchAlarmEvent.isAlarm(input)) {
            return new Alarm(CloudWatchAlarmEvent.parse(input));
        }
        throw new InvalidEventException("point-in-time-restore handles '" + RestoreRequestedEvent.DETAIL_TYPE + "' events, '"
                + CloudWatchAlarmEvent.DETAIL_TYPE + "' events and CloudWatch alarm actions, not '" + input.get("detail-type")
                + "' from '" + input.get("source") + "'");
    }
}
