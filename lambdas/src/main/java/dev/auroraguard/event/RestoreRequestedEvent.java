package dev.auroraguard.event;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.restore.RestoreOrigin;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Restore Requested} event on the aurora-guard bus, as {@code ./aurora-guard restore} (or anyone
 * allowed to put events on the bus) sends it:
 *
 * <pre>
 * "detail-type": "Restore Requested",
 * "detail": { "sourceCluster": "orders-db", "restoreTo": "2026-11-25T03:41:00Z" | "latest",
 *             "fromSnapshot": "orders-db-scheduled-20261125-0300" (instead of restoreTo),
 *             "targetCluster": "orders-db-investigation" (optional), "restoreType": "full-copy" | "copy-on-write" (optional),
 *             "reason": "migration 142 dropped a column", "requestedBy": "alice" }
 * </pre>
 */
public final class RestoreRequestedEvent {

    public static final String DETAIL_TYPE = "Restore Requested";
    public static final String LATEST = "latest";

    private RestoreRequestedEvent() {
    }

    public static boolean isRestoreRequested(Map<String, Object> input) {
        return DETAIL_TYPE.equals(input.get("detail-type"));
    }

    /**
     * @param defaultType the restore type when the request names none
     * @throws InvalidEventException        when the input is not an EventBridge event at all
     * @throws InvalidRestoreRequestException when the request's detail can't be acted on
     */
    public static RestoreRequest parse(Map<String, Object> input, RestoreType defaultType) {
        EventFields envelope = new EventFields(input, "Restore Requested event");
        String reference = envelope.requiredString("id");
        Instant time = envelope.requiredInstant("time");
        Optional<String> source = Optional.empty();
        try {
            EventFields detail = envelope.object("detail");
            source = detail.optionalString("sourceCluster");
            String sourceCluster = source.orElseThrow(() -> new IllegalArgumentException("the request names no sourceCluster"));
            RdsIdentifier.problem(sourceCluster).ifPresent(p -> {
                throw new IllegalArgumentException("sourceCluster '" + sourceCluster + "' is not a valid cluster identifier: it " + p);
            });
            Optional<String> restoreTo = detail.optionalString("restoreTo");
            Optional<String> fromSnapshot = detail.optionalString("fromSnapshot");
            if (restoreTo.isPresent() == fromSnapshot.isPresent()) {
                throw new IllegalArgumentException("name exactly one of restoreTo (an ISO-8601 instant or \"latest\") and fromSnapshot");
            }
            RestorePoint point = fromSnapshot.<RestorePoint>map(RestorePoint.FromSnapshot::new).orElseGet(() -> point(restoreTo.get()));
            Optional<String> target = detail.optionalString("targetCluster");
            target.ifPresent(t -> RdsIdentifier.problem(t).ifPresent(p -> {
                throw new IllegalArgumentException("targetCluster '" + t + "' is not a valid cluster identifier: it " + p);
            }));
            final RestoreType type = detail.optionalString("restoreType").map(t -> RestoreType.fromWord(t.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("restoreType '" + t + "' is neither full-copy nor copy-on-write")))
                    .orElse(defaultType);
            String reason = detail.optionalString("reason").orElse("no reason given");
            String requestedBy = detail.optionalString("requestedBy").orElse("unknown");
            return new RestoreRequest(sourceCluster, point, target, type, reason, requestedBy, RestoreOrigin.REQUEST, reference, time);
        } catch (IllegalArgumentException e) {
            throw new InvalidRestoreRequestException(e.getMessage(), reference, source.map(s -> s.toLowerCase(Locale.ROOT)));
        } catch (InvalidEventException e) {
            throw new InvalidRestoreRequestException(e.getMessage(), reference, source.map(s -> s.toLowerCase(Locale.ROOT)));
        }
    }

    private static RestorePoint point(String restoreTo) {
        if (LATEST.equalsIgnoreCase(restoreTo.trim())) {
            return new RestorePoint.Latest();
        }
        try {
            return new RestorePoint.At(Instant.parse(restoreTo.trim()).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("restoreTo '" + restoreTo + "' is neither an ISO-8601 UTC instant such as"
                    + " 2026-11-25T03:41:00Z nor \"latest\"", e);
        }
    }
}
