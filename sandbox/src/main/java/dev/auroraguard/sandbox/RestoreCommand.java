package dev.auroraguard.sandbox;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreType;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.RestoreRequestedEvent;
import dev.auroraguard.json.Json;
import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.Flags;
import dev.auroraguard.sandbox.cli.UsageException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@code ./aurora-guard restore}: asks aurora-guard for a restore by hand, the way one would type
 * {@code aws rds restore-db-cluster-to-point-in-time}, by putting a {@code Restore Requested} event on the
 * aurora-guard bus of the running sandbox, another endpoint, or AWS. The request is checked here first, so
 * a typo fails at once rather than as a Restore Failed event.
 */
public final class RestoreCommand implements Command {

    static final String SOURCE = "aurora-guard.cli";

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "ask aurora-guard to restore a cluster to a point in time (or from a snapshot) into a new cluster";
    }

    @Override
    public String usage() {
        return """
                Usage: ./aurora-guard restore --cluster ID (--to ISO-8601|latest | --snapshot ID) [--target ID]
                                              [--type full-copy|copy-on-write] [--reason TEXT] [--requested-by NAME]
                                              [--bus NAME] [--endpoint URL | --aws] [--region R]

                Puts a "Restore Requested" event on the aurora-guard event bus. point-in-time-restore validates it
                (the instant must lie in the cluster's restorable window; a later one is clamped to the latest),
                restores the cluster into a NEW cluster with the source's settings, and restore-progress adds the
                instances and publishes "Restore Completed" with the endpoints. The source cluster is never changed.

                Options:
                  --cluster ID        the source cluster (required)
                  --to TIME           an ISO-8601 UTC instant such as 2026-11-25T03:41:00Z, or latest
                  --snapshot ID       restore this manual cluster snapshot of the source instead of a point in time
                  --target ID         the new cluster's identifier (default: <cluster>-pitr-<yyyyMMdd>-<HHmmss>)
                  --type T            full-copy (default) or copy-on-write (a clone; only with --to latest)
                  --reason TEXT       why; tagged on the new cluster and carried in every event
                  --requested-by NAME who asks (default: $USER)
                  --bus NAME          the aurora-guard bus (default %s)
                  --endpoint URL      send to this endpoint (default: the running `sandbox serve`)
                  --aws               send to AWS, with the usual AWS credentials and region
                  --region R          the region (default: the sandbox's, else $AWS_REGION)

                Example:
                  ./aurora-guard restore --cluster orders-db --to 2026-11-25T03:41:00Z --reason "migration 142"
                """.formatted(EventPatterns.AURORA_GUARD_BUS);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Flags flags = Flags.parse(name(), args, Set.of("cluster", "to", "snapshot", "target", "type", "reason", "requested-by", "bus",
                "endpoint", "region"), Set.of("aws"));
        flags.allowPositionals(0);
        Map<String, Object> detail = detail(flags);
        String bus = flags.get("bus", EventPatterns.AURORA_GUARD_BUS);
        if (flags.has("aws") && flags.has("endpoint")) {
            throw new UsageException("restore: --aws and --endpoint exclude each other");
        }
        try (EventBridgeClient events = client(flags)) {
            PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(bus).source(SOURCE)
                    .detailType(RestoreRequestedEvent.DETAIL_TYPE).detail(Json.write(detail))));
            PutEventsResultEntry entry = response.entries().get(0);
            if (response.failedEntryCount() != 0 || entry.eventId() == null) {
                err.println("aurora-guard restore: EventBridge refused the request (" + entry.errorCode() + "): " + entry.errorMessage());
                return Main.EXIT_FAILURE;
            }
            out.println("Restore Requested sent to bus " + bus + " (event " + entry.eventId() + "):");
            out.println("  " + Json.write(detail));
            out.println("Watch the bus for Restore Started, then Restore Completed with the new cluster's endpoints"
                    + " (or Restore Skipped / Restore Failed saying why not).");
            return Main.EXIT_OK;
        }
    }

    /** The request's detail, checked as point-in-time-restore will check it. */
    static Map<String, Object> detail(Flags flags) {
        String cluster = flags.required("cluster");
        RdsIdentifier.problem(cluster).ifPresent(p -> {
            throw new UsageException("restore: --cluster '" + cluster + "' is not a valid cluster identifier: it " + p);
        });
        if (flags.has("to") == flags.has("snapshot")) {
            throw new UsageException("restore: give exactly one of --to (an instant or latest) and --snapshot");
        }
        RestorePoint point;
        if (flags.has("snapshot")) {
            point = new RestorePoint.FromSnapshot(flags.get("snapshot", null));
        } else if (flags.get("to", "").equalsIgnoreCase(RestoreRequestedEvent.LATEST)) {
            point = new RestorePoint.Latest();
        } else {
            try {
                point = new RestorePoint.At(Instant.parse(flags.get("to", null)));
            } catch (DateTimeParseException e) {
                throw new UsageException("restore: --to takes an ISO-8601 UTC instant such as 2026-11-25T03:41:00Z, or latest; got '"
                        + flags.get("to", null) + "'");
            }
        }
        RestoreType type = RestoreType.fromWord(flags.get("type", RestoreType.FULL_COPY.word())).orElseThrow(() ->
                new UsageException("restore: --type is full-copy or copy-on-write, not '" + flags.get("type", null) + "'"));
        RestoreRequest.problem(point, type).ifPresent(p -> {
            throw new UsageException("restore: " + p);
        });
        Optional<String> target = Optional.ofNullable(flags.get("target", null));
        target.flatMap(RdsIdentifier::problem).ifPresent(p -> {
            throw new UsageException("restore: --target '" + target.get() + "' is not a valid cluster identifier: it " + p);
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sourceCluster", cluster);
        if (point instanceof RestorePoint.FromSnapshot snapshot) {
            detail.put("fromSnapshot", snapshot.snapshotId());
        } else {
            detail.put("restoreTo", point.toString());
        }
        target.ifPresent(t -> detail.put("targetCluster", t));
        detail.put("restoreType", type.word());
        detail.put("reason", flags.get("reason", "restore requested with ./aurora-guard restore"));
        String user = System.getenv("USER");
        detail.put("requestedBy", flags.get("requested-by", user == null || user.isBlank() ? "unknown" : user));
        return detail;
    }

    private static EventBridgeClient client(Flags flags) {
        var builder = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (flags.has("aws")) {
            String region = flags.get("region", System.getenv("AWS_REGION"));
            if (region == null || region.isBlank()) {
                throw new UsageException("restore: --aws needs a region: --region R or AWS_REGION");
            }
            return builder.region(Region.of(region)).credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
        }
        StaticCredentialsProvider sandbox = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LambdaInvoker.SANDBOX_ACCESS_KEY, LambdaInvoker.SANDBOX_SECRET_KEY));
        if (flags.has("endpoint")) {
            URI endpoint = endpoint(flags.get("endpoint", null));
            String region = flags.get("region", Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
            return builder.endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(sandbox).build();
        }
        SandboxEndpoint.Running running = SandboxEndpoint.running().orElseThrow(() -> new UsageException(
                "restore: no sandbox is running; start `./aurora-guard sandbox serve`, or pass --endpoint URL or --aws"));
        return builder.endpointOverride(running.endpoint()).region(Region.of(flags.get("region", running.region())))
                .credentialsProvider(sandbox).build();
    }

    private static URI endpoint(String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("restore: --endpoint must be an http(s) URL such as http://127.0.0.1:4555, got '" + raw + "'");
        }
    }
}
