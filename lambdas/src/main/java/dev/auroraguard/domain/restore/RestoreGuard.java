package dev.auroraguard.domain.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The guard rails a new restore passes before anything is created: a duplicate of a restore already
 * started is success (never a second cluster); at most one restore in flight per source cluster; and after
 * an alarm-triggered restore finished (completed or failed), alarms of the same source wait out a cooldown
 * so that a flapping alarm cannot create a fleet of clusters. Requests by people are not subject to the cooldown.
 */
public final class RestoreGuard {

    private RestoreGuard() {
    }

    public sealed interface Decision {
    }

    public record Proceed() implements Decision {
    }

    /** The same restore (same target, source and instant) exists already: the request was delivered again. */
    public record Duplicate(RestoredCluster existing) implements Decision {
    }

    /** Another restore of the same source is still in flight. */
    public record InFlight(RestoredCluster other) implements Decision {
    }

    /** An alarm-triggered restore of the same source finished less than the cooldown ago. */
    public record Cooldown(RestoredCluster last, Instant until) implements Decision {
    }

    /**
     * @param request       the request
     * @param target        the cluster it would create
     * @param restoreTime   the instant it would restore to
     * @param existing      every restored cluster of the request's source (read from RDS)
     * @param alarmCooldown how long after an alarm-triggered restore finished other alarms are not acted on
     */
    public static Decision check(RestoreRequest request, String target, Instant restoreTime, List<RestoredCluster> existing,
                                 Duration alarmCooldown, Instant now) {
        for (RestoredCluster r : existing) {
            if (r.id().equals(target) && r.sourceCluster().equals(request.sourceCluster()) && r.restoreTime().equals(restoreTime)) {
                return new Duplicate(r);
            }
        }
        Optional<RestoredCluster> inFlight = existing.stream().filter(r -> r.sourceCluster().equals(request.sourceCluster()))
                .filter(RestoredCluster::inFlight).findFirst();
        if (inFlight.isPresent()) {
            return new InFlight(inFlight.get());
        }
        if (request.origin() == RestoreOrigin.ALARM) {
            Optional<RestoredCluster> last = existing.stream()
                    .filter(r -> r.sourceCluster().equals(request.sourceCluster()) && r.origin() == RestoreOrigin.ALARM)
                    .filter(r -> r.finishedAt().isPresent())
                    .max(Comparator.comparing(r -> r.finishedAt().orElseThrow()));
            if (last.isPresent()) {
                Instant until = last.get().finishedAt().orElseThrow().plus(alarmCooldown);
                if (now.isBefore(until)) {
                    return new Cooldown(last.get(), until);
                }
            }
        }
        return new Proceed();
    }
}
