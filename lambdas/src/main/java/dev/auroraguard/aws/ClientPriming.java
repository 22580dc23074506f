package dev.auroraguard.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Read-only calls made before a SnapStart checkpoint, one per SDK client a function uses, so that the
 * snapshot holds clients whose request, signing, HTTP and response code has already run (loaded,
 * initialised, partly compiled) instead of running it in the first invocation after every restore.
 *
 * <p>Only Describe/Get calls, for names that do not exist and that the functions' roles may read (so
 * that CloudTrail records no AccessDenied at each deployment): priming must never change anything, and
 * an answer of "not found" still runs the whole client path. Nothing is thrown: a
 * priming failure must not fail the deployment; it only leaves the first invocation slower.
 *
 * <p>The calls of the services only some functions use live with those services' adapters
 * ({@link SsmApplicationParameters#primingCall}, {@link CodePipelineJobResults#primingCall}), so that a
 * function's artifact, shrunk to what it reaches, holds only the SDK modules it calls.
 */
public final class ClientPriming {

    /** The name priming asks about; no aurora-guard resource is ever called this. */
    public static final String PRIMING_NAME = "aurora-guard-snapstart-priming";

    /**
     * The snapshot priming describes: shaped like aurora-guard's scheduled snapshots (the functions' roles
     * may describe those), yet no slot is ever named "none".
     */
    public static final String PRIMING_SNAPSHOT = PRIMING_NAME + "-scheduled-none";

    /** One priming call: what it is (service:Operation) and the call. */
    public record Call(String name, Runnable call) {
    }

    private ClientPriming() {
    }

    public static Call rds(RdsClient rds) {
        return new Call("rds:DescribeDBClusterSnapshots", () -> rds.describeDBClusterSnapshots(r -> r
                .dbClusterSnapshotIdentifier(PRIMING_SNAPSHOT)));
    }

    public static Call eventBridge(EventBridgeClient events, String eventBusName) {
        return new Call("events:DescribeEventBus", () -> events.describeEventBus(r -> r.name(eventBusName)));
    }

    /** Runs every call; returns each outcome ("ok", or the error code AWS answered) by call name. */
    public static Map<String, String> run(List<Call> calls) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Call call : calls) {
            outcomes.put(call.name(), attempt(call.call()));
        }
        return outcomes;
    }

    private static String attempt(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
        } catch (SdkException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
