package dev.auroraguard.event;

import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.RdsIdentifier;
import java.util.Map;
import java.util.Optional;

/**
 * The event any CI sends to ask for a pre-deploy snapshot, on the aurora-guard bus
 * (rule {@link EventPatterns#PRE_DEPLOY_SNAPSHOT_REQUEST}):
 *
 * <pre>
 * aws events put-events --entries '[{"EventBusName":"aurora-guard","Source":"aurora-guard.ci",
 *   "DetailType":"Pre-Deploy Snapshot Requested",
 *   "Detail":"{\"cluster\":\"orders-db\",\"label\":\"release-42\",\"requester\":\"github-actions/orders-service\"}"}]'
 * </pre>
 *
 * The EventBridge event id is the request's reference: a duplicate delivery names the same snapshot.
 */
public final class PreDeployRequestEvent {

    public static final String SOURCE = "aurora-guard.ci";
    public static final String DETAIL_TYPE = "Pre-Deploy Snapshot Requested";

    private static final String EXAMPLE = "{\"cluster\":\"orders-db\",\"label\":\"release-42\",\"requester\":\"github-actions\"}";

    private PreDeployRequestEvent() {
    }

    public static boolean isRequest(Map<String, Object> input) {
        return input != null && DETAIL_TYPE.equals(input.get("detail-type"));
    }

    /** The request's event id, when the input has one: what an invalid request is reported under. */
    public static Optional<String> eventId(Map<String, Object> input) {
        return input.get("id") instanceof String id && !id.isBlank() ? Optional.of(id) : Optional.empty();
    }

    /** {@code detail.label} as sent, when it is a string: invalid requests are still reported under their label. */
    @SuppressWarnings("unchecked")
    public static Optional<String> rawLabel(Map<String, Object> input) {
        return input.get("detail") instanceof Map<?, ?> detail && ((Map<String, Object>) detail).get("label") instanceof String label
                ? Optional.of(label) : Optional.empty();
    }

    /** @throws InvalidEventException naming what is wrong and what a correct detail looks like */
    public static PreDeployRequest parse(Map<String, Object> input) {
        if (!isRequest(input)) {
            throw new InvalidEventException("expected a '" + DETAIL_TYPE + "' event");
        }
        EventFields fields = new EventFields(input, "request");
        String id = fields.requiredString("id");
        if (!fields.has("detail")) {
            throw new InvalidEventException("the request has no detail; send a detail such as " + EXAMPLE);
        }
        EventFields detail = fields.object("detail");
        String cluster = detail.optionalString("cluster").orElseThrow(() -> new InvalidEventException(
                "the request's detail names no cluster; send a detail such as " + EXAMPLE));
        RdsIdentifier.problem(cluster).ifPresent(p -> {
            throw new InvalidEventException("the request names the cluster '" + cluster + "', which is not a valid cluster"
                    + " identifier: it " + p);
        });
        Optional<String> label = detail.optionalString("label");
        Optional<String> requester = detail.optionalString("requester");
        label.flatMap(PreDeployRequest::textProblem).ifPresent(p -> {
            throw new InvalidEventException("the request's label '" + PreDeployUserParameters.clipped(label.get()) + "' " + p);
        });
        requester.flatMap(PreDeployRequest::textProblem).ifPresent(p -> {
            throw new InvalidEventException("the request's requester '" + PreDeployUserParameters.clipped(requester.get()) + "' "
                    + p);
        });
        return new PreDeployRequest(PreDeployRequest.Source.EVENTBRIDGE_REQUEST, id, cluster, label, requester);
    }
}
