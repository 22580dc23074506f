package dev.auroraguard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.event.PreDeployRequestEvent;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.codepipeline.CodePipelineService;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Demo chapter: a release pipeline's pre-deploy snapshot. CodePipeline runs the Lambda invoke action, the
 * function starts the snapshot and keeps the action in progress with continuation tokens until RDS has
 * finished, then succeeds with output variables for the migration; an action naming a cluster that does
 * not exist fails at once, saying what to fix; a CI job asks with one PutEvents call.
 *
 * <p>Every job event is built by the simulated CodePipeline exactly as CodePipeline sends it, artifact
 * credentials included, and handed to the function through {@link LambdaInvoker} as Lambda would.
 */
final class PreDeployChapter {

    static final String ACTION_NAME = "PreDeploySnapshot";
    static final String FUNCTION_NAME = "aurora-guard-" + FunctionCatalog.PRE_DEPLOY_SNAPSHOT.functionName();
    static final String USER_PARAMETERS = "{\"cluster\":\"" + SandboxSeed.CLUSTER + "\",\"label\":\"release-42\"}";
    static final String TYPO_USER_PARAMETERS = "{\"cluster\":\"orders-bd\",\"label\":\"release-43\"}";
    /** Releases go out after lunch: the chapter starts at the next 14:00 UTC. */
    static final LocalTime RELEASE_TIME = LocalTime.of(14, 0);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Narrator narrator;
    private final Simulator simulator;
    private final SandboxClients aws;
    private final EventRouter router;
    private final LambdaInvoker invoker;
    private int logLines;
    private long linesWithCredentials;

    PreDeployChapter(Narrator narrator, Simulator simulator, SandboxClients aws, EventRouter router, LambdaInvoker invoker) {
        this.narrator = narrator;
        this.simulator = simulator;
        this.aws = aws;
        this.router = router;
        this.invoker = invoker;
    }

    void run() {
        simulator.clock().setInstant(nextReleaseTime(simulator.clock().instant()));
        router.deliverPending();
        waitForAvailableCluster();
        CodePipelineService codePipeline = simulator.codePipeline();

        narrator.chapter("Pre-deploy snapshots: a rollback point before the migration");
        narrator.say("Release 42 migrates the orders schema. Before the migration action, the release pipeline has a Lambda invoke"
                + "\naction \"" + ACTION_NAME + "\" (function " + FUNCTION_NAME + ", UserParameters " + USER_PARAMETERS + ").");
        narrator.say("The pipeline does not go on until the snapshot is available; the function never waits on RDS itself.");

        String first = codePipeline.createJob(FUNCTION_NAME, USER_PARAMETERS);
        narrator.step("CodePipeline starts the action: job " + first.substring(0, 8) + ", invoking the function with its job event.");
        String job = first;
        String outcome = invoke(codePipeline, job);
        router.deliverPending();
        while (!outcome.equals("available") && !outcome.equals("failed")) {
            String next = codePipeline.nextJobId(job).orElseThrow(() -> new IllegalStateException(
                    "CodePipeline scheduled no continuation job after an in-progress answer"));
            simulator.clock().advance(Duration.ofMinutes(2));
            List<EventRouter.Delivery> deliveries = router.deliverPending();
            if (!deliveries.isEmpty()) {
                narrator.step("RDS finishes the snapshot (RDS-EVENT-0075); the rule "
                        + EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT.ruleName() + " routes it:");
                deliveries.forEach(d -> narrator.detail(DemoText.outcomeLine(d)));
                lastSnapshotAvailable().ifPresent(narrator::detail);
            }
            job = next;
            narrator.step("CodePipeline calls again with the continuation token: job " + job.substring(0, 8) + ".");
            outcome = invoke(codePipeline, job);
            router.deliverPending();
        }
        narrator.detail("The action's jobs: " + codePipeline.actionJobs(first).stream()
                .map(j -> j.id().substring(0, 8) + " " + j.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ")) + ". The migration action reads #{" + ACTION_NAME + ".SnapshotId}.");
        narrator.detail("Every job event carried temporary credentials for the pipeline's artifact bucket; the function logged "
                + logLines + " lines, " + (linesWithCredentials == 0 ? "none" : linesWithCredentials) + " of them with a credential.");

        simulator.clock().advance(Duration.ofMinutes(30));
        router.deliverPending();
        String typo = codePipeline.createJob(FUNCTION_NAME, TYPO_USER_PARAMETERS);
        narrator.step("Release 43's pipeline has a typo in its UserParameters: " + TYPO_USER_PARAMETERS + " (job "
                + typo.substring(0, 8) + ").");
        invoke(codePipeline, typo);
        router.deliverPending();
        narrator.detail("The job fails within its first invocation; no snapshot was created and the pipeline stops before the"
                + " migration.");

        ciRequest();
        narrator.step("Outcome events on the aurora-guard bus so far:");
        narrator.detail(DemoText.countByDetailType(simulator.events().onBus(SandboxDefaults.EVENT_BUS)));
    }

    /** Invokes the function with the job's event and narrates what it did and what CodePipeline was told. */
    private String invoke(CodePipelineService codePipeline, String jobId) {
        String event = codePipeline.lambdaEvent(jobId);
        LambdaInvoker.Outcome result = invoker.invoke(FunctionCatalog.PRE_DEPLOY_SNAPSHOT, event, Duration.ofMinutes(1));
        if (result.failed()) {
            JsonNode error = MAPPER.valueToTree(result.value());
            narrator.detail("the invocation FAILED (Lambda retries it): " + error.path("errorMessage").asText());
            return "failed";
        }
        JsonNode value = MAPPER.valueToTree(result.value());
        String outcome = value.path("outcome").asText();
        narrator.detail(describe(value));
        List<JobResult> results = codePipeline.jobResults(jobId);
        for (JobResult answer : results) {
            narrator.detail(told(answer));
        }
        logLines += result.logLines().size();
        CodePipelineService.ArtifactCredentials credentials = codePipeline.job(jobId).orElseThrow().artifactCredentials();
        linesWithCredentials += result.logLines().stream().filter(line -> line.contains(credentials.secretAccessKey())
                || line.contains(credentials.sessionToken()) || line.contains(credentials.accessKeyId())).count();
        return outcome;
    }

    private static String describe(JsonNode value) {
        String snapshot = value.path("snapshot").asText("-");
        return switch (value.path("outcome").asText()) {
            case "creating" -> value.path("reason").asText().equals("created")
                    ? "pre-deploy-snapshot: started " + snapshot + " (status " + value.path("snapshotStatus").asText() + ")"
                    : "pre-deploy-snapshot: " + snapshot + " is still " + value.path("snapshotStatus").asText();
            case "waiting" -> "pre-deploy-snapshot: not started yet: " + value.path("message").asText();
            case "available" -> "pre-deploy-snapshot: " + snapshot + " is available";
            default -> "pre-deploy-snapshot: failed (" + value.path("reason").asText() + ")";
        };
    }

    /** What CodePipeline was told, as its console shows it. */
    private static String told(JobResult answer) {
        if (!answer.success()) {
            return "CodePipeline was told: PutJobFailureResult, " + answer.failureType().orElse("?") + ":\n  \""
                    + answer.failureMessage().orElse("") + "\"";
        }
        if (answer.continuationToken().isPresent()) {
            return "CodePipeline was told: PutJobSuccessResult with a continuation token (" + answer.continuationToken().get().length()
                    + " characters) - still in progress, call again";
        }
        return "CodePipeline was told: PutJobSuccessResult without a token - the action succeeded, output variables:\n"
                + answer.outputVariables().entrySet().stream().map(e -> String.format("  %-18s %s", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** A CI job's request: one PutEvents call, routed by the request rule to the same function. */
    private void ciRequest() {
        simulator.clock().advance(Duration.ofMinutes(30));
        router.deliverPending();
        narrator.step("A service released by GitHub Actions asks the same way with one call (aws events put-events):");
        String detail = "{\"cluster\":\"" + SandboxSeed.CLUSTER + "\",\"label\":\"billing-7\",\"requester\":\"github-actions/billing\"}";
        narrator.detail("source " + PreDeployRequestEvent.SOURCE + ", detail-type " + PreDeployRequestEvent.DETAIL_TYPE + ", detail " + detail);
        aws.events().putEvents(r -> r.entries(e -> e.eventBusName(SandboxDefaults.EVENT_BUS).source(PreDeployRequestEvent.SOURCE)
                .detailType(PreDeployRequestEvent.DETAIL_TYPE).detail(detail)));
        for (EventRouter.Delivery delivery : router.deliverPending()) {
            if (delivery.outcome().failed()) {
                narrator.detail(DemoText.outcomeLine(delivery));
            } else {
                narrator.detail("rule " + delivery.ruleName() + " -> " + describe(MAPPER.valueToTree(delivery.outcome().value())));
            }
        }
        simulator.clock().advance(Duration.ofMinutes(5));
        router.deliverPending().forEach(d -> narrator.detail(DemoText.outcomeLine(d)));
        lastSnapshotAvailable().ifPresent(narrator::detail);
        narrator.detail("The CI step waits with: aws rds wait db-cluster-snapshot-available --db-cluster-snapshot-identifier <id>");
    }

    private java.util.Optional<String> lastSnapshotAvailable() {
        List<RecordedEvent> available = simulator.events().withDetailType(OutcomeEventSchema.SNAPSHOT_AVAILABLE);
        if (available.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = MAPPER.readValue(available.get(available.size() - 1).detailJson(), Map.class);
            return java.util.Optional.of("Snapshot Available: " + detail.get("snapshotId") + ", kind " + detail.get("kind")
                    + ", label " + detail.get("label"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an outcome event's detail is not JSON", e);
        }
    }

    /** A scheduled snapshot may still keep the cluster busy; the release waits for it like an engineer would. */
    private void waitForAvailableCluster() {
        for (int minute = 0; minute < 60 && !"available".equals(clusterStatus()); minute++) {
            simulator.clock().advance(Duration.ofMinutes(1));
            router.deliverPending();
        }
    }

    private String clusterStatus() {
        return aws.cluster(SandboxSeed.CLUSTER).status();
    }

    static Instant nextReleaseTime(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(RELEASE_TIME);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }
}
