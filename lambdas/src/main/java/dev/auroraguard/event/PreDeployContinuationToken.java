package dev.auroraguard.event;

import dev.auroraguard.domain.PreDeployProgress;
import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.json.Json;
import dev.auroraguard.port.CodePipelineJobs;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The continuation token a pre-deploy action hands CodePipeline between two jobs: its
 * {@link PreDeployProgress} as compact JSON, e.g.
 * {@code {"v":1,"ref":"0d3a...","cluster":"orders-db","snapshot":"orders-db-pre-deploy-7k2qlm4xa3bd",
 * "label":"release-42","started":"2026-11-25T14:02:11Z","phase":"creating","errors":0}}.
 * Well under CodePipeline's 2,048 characters (identifiers are at most 63, labels 128); reading one checks
 * that the snapshot identifier is the one the reference and cluster name, so a token aurora-guard did not
 * write is refused rather than followed.
 */
public final class PreDeployContinuationToken {

    static final long VERSION = 1;

    private PreDeployContinuationToken() {
    }

    public static String write(PreDeployProgress progress) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("v", VERSION);
        token.put("ref", progress.reference());
        token.put("cluster", progress.clusterId());
        token.put("snapshot", progress.snapshotId());
        progress.label().ifPresent(label -> token.put("label", label));
        token.put("started", progress.startedAt().toString());
        token.put("phase", progress.phase().word());
        token.put("errors", progress.consecutiveErrors());
        String text = Json.write(token);
        if (text.length() > CodePipelineJobs.MAX_CONTINUATION_TOKEN_LENGTH) {
            throw new IllegalStateException("continuation token of " + text.length() + " characters exceeds CodePipeline's "
                    + CodePipelineJobs.MAX_CONTINUATION_TOKEN_LENGTH);
        }
        return text;
    }

    /** @throws InvalidEventException when the token is not one this function wrote */
    public static PreDeployProgress read(String token) {
        try {
            Map<String, Object> map = Json.parseObject(token);
            if (!Long.valueOf(VERSION).equals(map.get("v"))) {
                throw new IllegalArgumentException("unknown version " + map.get("v"));
            }
            String reference = text(map, "ref");
            String cluster = text(map, "cluster");
            String snapshot = text(map, "snapshot");
            Optional<String> label = map.containsKey("label") ? Optional.of(text(map, "label")) : Optional.empty();
            Instant started = Instant.parse(text(map, "started"));
            PreDeployProgress.Phase phase = PreDeployProgress.Phase.fromWord(text(map, "phase"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown phase " + map.get("phase")));
            if (!(map.get("errors") instanceof Long errors) || errors < 0 || errors > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("no error count");
            }
            // Validates the cluster and label as a request would, and ties the snapshot to them.
            PreDeployRequest request = new PreDeployRequest(PreDeployRequest.Source.CODEPIPELINE_JOB, reference, cluster, label,
                    Optional.empty());
            if (!SnapshotNamer.preDeploySnapshotId(request.clusterId(), reference).equals(snapshot)) {
                throw new IllegalArgumentException("snapshot " + snapshot + " is not the one the reference and cluster name");
            }
            return new PreDeployProgress(reference, request.clusterId(), snapshot, label, started, phase, errors.intValue());
        } catch (Json.JsonException | IllegalArgumentException | DateTimeParseException | ClassCastException e) {
            throw new InvalidEventException("the job's continuation token was not written by aurora-guard's pre-deploy-snapshot"
                    + " function (" + e.getMessage() + "); retry the failed action in the pipeline to start over", e);
        }
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("no " + key);
        }
        return s;
    }
}
