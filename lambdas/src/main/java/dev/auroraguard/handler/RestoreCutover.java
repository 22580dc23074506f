package dev.auroraguard.handler;

import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.RestoredCluster;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.RestoreEventSchema;
import dev.auroraguard.port.ApplicationParameters;
import dev.auroraguard.port.ApplicationParameters.ParameterValue;
import dev.auroraguard.port.ClusterRestores;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cutover ("point the application at the restored cluster"), optional and off unless
 * {@code RESTORE_CUTOVER_PARAMETER} names the SSM parameter the application reads its database endpoint
 * from: writes the restored writer endpoint there, after recording the parameter's version before the
 * change on the restored cluster ({@code aurora-guard:cutover-previous-version}) so the change can be undone
 * ({@code aws ssm get-parameter --name NAME:VERSION}). Only a completed restore is cut over.
 */
final class RestoreCutover {

    private final ClusterRestores rds;
    private final Supplier<ApplicationParameters> parameters;
    private final OutcomeEvents events;
    private final RestoreSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;

    /** @param parameters built on first use: SSM is only reached when a cutover happens */
    RestoreCutover(ClusterRestores rds, Supplier<ApplicationParameters> parameters, OutcomeEvents events, RestoreSettings settings,
                   Clock clock, StructuredLog log, String functionName) {
        this.rds = rds;
        this.parameters = parameters;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
    }

    /** @param reason {@code cut-over}, {@code already-cut-over}, or why nothing changed */
    record Result(boolean done, String reason, String message, boolean retryable) {

        Map<String, Object> toMap(String cluster) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("cluster", cluster);
            map.put("action", "cutover");
            map.put("reason", reason);
            map.put("message", message);
            map.put("done", done);
            if (retryable) {
                map.put("retryable", true);
            }
            return map;
        }
    }

    /** Whether automatic cutover is configured and this completed restore has not been cut over yet. */
    boolean owedAutomatically(RestoredCluster restore) {
        return settings.cutoverMode() == RestoreSettings.CutoverMode.AUTO && settings.cutoverParameter().isPresent()
                && restore.completedAt().isPresent() && restore.cutoverAt().isEmpty();
    }

    /** A {@code Restore Cutover Requested} for {@code clusterId}. */
    Result requested(String clusterId, String requestedBy, String requestId) {
        String parameter = settings.cutoverParameter().orElse("");
        if (settings.cutoverParameter().isEmpty()) {
            return failed(clusterId, Optional.empty(), parameter, "cutover-not-configured", "cutover is off: set "
                    + RestoreSettings.CUTOVER_PARAMETER + " to the SSM parameter the application reads its endpoint from", false, requestId);
        }
        Optional<ClusterDetails> cluster;
        try {
            cluster = rds.describeCluster(clusterId);
        } catch (ServiceCallException e) {
            return failed(clusterId, Optional.empty(), parameter, "aws-error", e.getMessage(), e.retryable(), requestId);
        }
        Optional<RestoredCluster> restore;
        try {
            restore = cluster.flatMap(RestoredCluster::from);
        } catch (IllegalArgumentException e) {
            return failed(clusterId, Optional.empty(), parameter, "unreadable-tags", e.getMessage(), false, requestId);
        }
        if (restore.isEmpty()) {
            return failed(clusterId, Optional.empty(), parameter, "not-a-restore", "cluster " + clusterId
                    + (cluster.isEmpty() ? " does not exist" : " was not restored by aurora-guard") + "; only a completed restore is cut over",
                    false, requestId);
        }
        if (restore.get().completedAt().isEmpty()) {
            return failed(clusterId, restore, parameter, "restore-not-completed", "restore " + clusterId + " has not completed"
                    + (restore.get().failedAt().isPresent() ? " (it failed)" : " yet") + "; only a completed restore is cut over", false,
                    requestId);
        }
        return cutover(restore.get(), "request by " + requestedBy, requestId);
    }

    /** Points the parameter at the completed restore's writer endpoint. */
    Result cutover(RestoredCluster restore, String trigger, String requestId) {
        String parameter = settings.cutoverParameter().orElseThrow();
        Optional<String> endpoint = restore.cluster().endpoint();
        if (endpoint.isEmpty()) {
            return failed(restore.id(), Optional.of(restore), parameter, "no-endpoint", "restored cluster " + restore.id()
                    + " reports no writer endpoint", false, requestId);
        }
        try {
            ApplicationParameters ssm = parameters.get();
            Optional<ParameterValue> current = ssm.get(parameter);
            if (current.isPresent() && current.get().value().equals(endpoint.get())) {
                if (restore.cutoverAt().isEmpty()) {
                    rds.tag(restore, Map.of(TagScheme.CUTOVER, clock.instant().toString()));
                }
                String message = "parameter " + parameter + " already names " + endpoint.get();
                log.info(message, RestoreStarter.fields(Optional.of(restore.sourceCluster()), Optional.of(restore.id()), "cutover",
                        "already-cut-over"));
                return new Result(true, "already-cut-over", message, false);
            }
            // Record the version being replaced before replacing it: the way back must never be lost.
            current.ifPresent(c -> rds.tag(restore, Map.of(TagScheme.CUTOVER_PREVIOUS_VERSION, Long.toString(c.version()))));
            long version = ssm.put(parameter, endpoint.get());
            rds.tag(restore, Map.of(TagScheme.CUTOVER, clock.instant().toString()));
            String message = "cutover: parameter " + parameter + " now names " + endpoint.get() + " (version " + version + ")"
                    + current.map(c -> "; it named " + c.value() + " in version " + c.version() + " - to undo, put that value back")
                            .orElse("; it did not exist before");
            Map<String, Object> fields = RestoreStarter.fields(Optional.of(restore.sourceCluster()), Optional.of(restore.id()), "cutover",
                    "cut-over");
            fields.put("parameter", parameter);
            fields.put("newVersion", version);
            current.ifPresent(c -> fields.put("previousVersion", c.version()));
            log.info(message, fields);
            OutcomeEvent event = RestoreEventSchema.cutoverCompleted(restore, parameter, current.map(ParameterValue::value),
                    current.map(ParameterValue::version), endpoint.get(), version, trigger, message, functionName, requestId, clock.instant());
            OutcomeEvents.PublishResult published = RestoreStarter.publish(events, log, settings.eventBusName(), event);
            boolean retry = published.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
            return new Result(true, "cut-over", message, retry);
        } catch (ServiceCallException e) {
            return failed(restore.id(), Optional.of(restore), parameter, "aws-error", "cutover of " + restore.id() + " failed: "
                    + e.getMessage(), e.retryable(), requestId);
        }
    }

    private Result failed(String clusterId, Optional<RestoredCluster> restore, String parameter, String reason, String message,
                          boolean retryable, String requestId) {
        log.error("cutover not done: " + message, RestoreStarter.fields(restore.map(RestoredCluster::sourceCluster), Optional.of(clusterId),
                "cutover", reason));
        OutcomeEvents.PublishResult published = RestoreStarter.publish(events, log, settings.eventBusName(),
                RestoreEventSchema.cutoverFailed(clusterId, restore, parameter, reason, message, retryable, functionName, requestId,
                        clock.instant()));
        boolean retry = retryable || published.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
        return new Result(false, reason, message, retry);
    }
}
