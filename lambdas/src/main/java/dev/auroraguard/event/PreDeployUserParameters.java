package dev.auroraguard.event;

import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code UserParameters} of a CodePipeline action that asks for a pre-deploy snapshot: either a
 * cluster identifier ({@code orders-db}) or a JSON object ({@code {"cluster":"orders-db","label":"release-42"}}).
 * Every error message says what is wrong and what a correct value looks like.
 */
public final class PreDeployUserParameters {

    public static final String CLUSTER = "cluster";
    public static final String LABEL = "label";
    private static final List<String> KEYS = List.of(CLUSTER, LABEL);
    private static final String EXAMPLES = "set the action's UserParameters to the cluster identifier, e.g. orders-db, or to"
            + " JSON such as {\"cluster\":\"orders-db\",\"label\":\"release-42\"}";

    private PreDeployUserParameters() {
    }

    /**
     * @param jobId the job that started the action (the request's reference)
     * @throws InvalidEventException with a message for the pipeline's user
     */
    public static PreDeployRequest parse(Optional<String> userParameters, String jobId) {
        String text = userParameters.map(String::trim).orElse("");
        if (text.isEmpty()) {
            throw new InvalidEventException("UserParameters is empty: " + EXAMPLES);
        }
        String cluster;
        Optional<String> label = Optional.empty();
        if (text.startsWith("{")) {
            Map<String, Object> object;
            try {
                object = Json.parseObject(text);
            } catch (Json.JsonException e) {
                throw new InvalidEventException("UserParameters starts with '{' but is not valid JSON (" + e.getMessage() + "): "
                        + EXAMPLES);
            }
            for (String key : object.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new InvalidEventException("UserParameters has the unknown key \"" + key + "\"; the keys are \"" + CLUSTER
                            + "\" (required) and \"" + LABEL + "\" (optional): " + EXAMPLES);
                }
            }
            cluster = string(object, CLUSTER).orElseThrow(() -> new InvalidEventException(
                    "UserParameters names no cluster (\"" + CLUSTER + "\" is missing): " + EXAMPLES));
            label = string(object, LABEL);
        } else {
            cluster = text;
        }
        Optional<String> problem = RdsIdentifier.problem(cluster);
        if (problem.isPresent()) {
            throw new InvalidEventException("UserParameters names the cluster '" + cluster + "', which is not a valid cluster"
                    + " identifier: it " + problem.get() + "; " + EXAMPLES);
        }
        if (label.isPresent()) {
            Optional<String> labelProblem = PreDeployRequest.textProblem(label.get());
            if (labelProblem.isPresent()) {
                throw new InvalidEventException("UserParameters has the label '" + clipped(label.get()) + "', which "
                        + labelProblem.get() + "; use a short release name such as release-42");
            }
        }
        return new PreDeployRequest(PreDeployRequest.Source.CODEPIPELINE_JOB, jobId, cluster, label, Optional.empty());
    }

    private static Optional<String> string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new InvalidEventException("UserParameters key \"" + key + "\" must be a string but is " + Json.typeName(value)
                    + ": " + EXAMPLES);
        }
        return Optional.of(s);
    }

    static String clipped(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
