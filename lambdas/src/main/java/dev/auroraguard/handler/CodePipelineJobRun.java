package dev.auroraguard.handler;

import dev.auroraguard.domain.PreDeployClassifier;
import dev.auroraguard.domain.PreDeployOutcome;
import dev.auroraguard.domain.PreDeployOutcome.Reason;
import dev.auroraguard.domain.PreDeployOutcome.Status;
import dev.auroraguard.domain.PreDeployProgress;
import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.event.CodePipelineJobEvent;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.event.PreDeployContinuationToken;
import dev.auroraguard.event.PreDeployUserParameters;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.CodePipelineJobs;
import dev.auroraguard.port.CodePipelineJobs.Answer;
import dev.auroraguard.port.CodePipelineJobs.FailureKind;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One job of a CodePipeline Lambda invoke action that asks for a pre-deploy snapshot. Every job is answered:
 *
 * <ul>
 *   <li>first job: start the snapshot, answer "in progress" with a continuation token;</li>
 *   <li>later jobs (CodePipeline's answer to the token): still creating → another continuation; available →
 *       success with output variables; failed, gone or past the wait limit → failure;</li>
 *   <li>an RDS call that failed for a retryable reason → "in progress", looking again on the next job, at most
 *       {@value #MAX_CONSECUTIVE_ERRORS} times in a row; bad UserParameters, a token aurora-guard did not write,
 *       any other error or exception → failure with a message for the pipeline's user.</li>
 * </ul>
 *
 * Outcome events are published before the answer; the invocation fails (so Lambda retries it) only when
 * the answer could not be delivered or an event was refused for a retryable reason. A retried invocation
 * finds its own snapshot and its answer is refused as already given: it creates nothing twice.
 */
public final class CodePipelineJobRun {

    /** Retryable RDS failures in a row (across jobs) after which the action fails rather than looking again. */
    public static final int MAX_CONSECUTIVE_ERRORS = 3;

    public static final String SNAPSHOT_ID_VARIABLE = "SnapshotId";
    public static final String SNAPSHOT_ARN_VARIABLE = "SnapshotArn";
    public static final String SNAPSHOT_CREATE_TIME_VARIABLE = "SnapshotCreateTime";
    public static final String CLUSTER_ID_VARIABLE = "ClusterId";
    public static final String LABEL_VARIABLE = "Label";

    private final PreDeploySnapshots snapshots;
    private final PreDeployClassifier classifier;
    private final CodePipelineJobs jobs;
    private final OutcomeEvents events;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;
    private final String eventBusName;

    public CodePipelineJobRun(PreDeploySnapshots snapshots, PreDeployClassifier classifier, CodePipelineJobs jobs,
                              OutcomeEvents events, Clock clock, StructuredLog log, String functionName, String eventBusName) {
        this.snapshots = snapshots;
        this.classifier = classifier;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
        this.eventBusName = eventBusName;
    }

    /** What this job decided: the outcome, the progress to hand on, and how a failure is typed. */
    private record Step(Optional<PreDeployRequest> request, Optional<PreDeployProgress> next, PreDeployOutcome outcome,
                        FailureKind failureKind, boolean announceStart) {
    }

    public Map<String, Object> run(CodePipelineJobEvent job, String requestId) {
        Instant now = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("jobId", job.jobId());
        fields.put("continuation", job.continuationToken().isPresent());
        log.info("CodePipeline job received", fields);

        PreDeployProgress progress;
        if (job.continuationToken().isEmpty()) {
            try {
                progress = PreDeployProgress.begin(PreDeployUserParameters.parse(job.userParameters(), job.jobId()), now);
            } catch (InvalidEventException e) {
                return reject(job, requestId, e.getMessage(), FailureKind.CONFIGURATION_ERROR, now);
            }
        } else {
            try {
                progress = PreDeployContinuationToken.read(job.continuationToken().get());
            } catch (InvalidEventException e) {
                return reject(job, requestId, e.getMessage(), FailureKind.JOB_FAILED, now);
            }
        }
        Step step = look(progress, job, now);

        List<OutcomeEvent> outbound = new ArrayList<>();
        PreDeployRequest request = step.request().orElseThrow();
        if (step.announceStart() || step.outcome().status() == Status.FAILED) {
            outbound.add(OutcomeEventSchema.preDeployOutcome(step.outcome(), request, Optional.of(job.jobId()), functionName,
                    requestId, now));
        }
        logDecision(step.outcome(), job, progress);
        PublishResult published = publish(outbound);
        Answer answer = answer(job, step);
        return result(job, requestId, Optional.of(request), step.outcome().status().toString(), step.outcome().reason().code(),
                step.outcome().message(), step.outcome(), answer, published);
    }

    /** One look at RDS, with every failure turned into an outcome. */
    private Step look(PreDeployProgress progress, CodePipelineJobEvent job, Instant now) {
        PreDeployRequest request = progress.request();
        boolean starting = progress.phase() == PreDeployProgress.Phase.STARTING;
        try {
            PreDeployOutcome outcome = snapshots.check(progress, now);
            Optional<PreDeployProgress> next = switch (outcome.status()) {
                case CREATING -> Optional.of(progress.creating());
                case WAITING -> Optional.of(outcome.reason() == Reason.AWS_ERROR ? progress.afterError() : progress.waitingToStart());
                case AVAILABLE, FAILED -> Optional.empty();
            };
            FailureKind kind = outcome.reason() == Reason.CLUSTER_NOT_FOUND ? FailureKind.CONFIGURATION_ERROR : FailureKind.JOB_FAILED;
            boolean announceStart = starting && (outcome.status() == Status.CREATING || outcome.status() == Status.AVAILABLE);
            return new Step(Optional.of(request), next, outcome, kind, announceStart);
        } catch (ServiceCallException e) {
            if (e.retryable() && progress.consecutiveErrors() + 1 < MAX_CONSECUTIVE_ERRORS) {
                PreDeployOutcome waiting = new PreDeployOutcome(Status.WAITING, Reason.AWS_ERROR, "RDS did not answer ("
                        + e.getMessage() + "); looking again on the next call (" + (progress.consecutiveErrors() + 1)
                        + " of " + MAX_CONSECUTIVE_ERRORS + " attempts in a row)", progress.clusterId(), Optional.empty(),
                        progress.snapshotId(), Optional.empty(), false, true);
                return new Step(Optional.of(request), Optional.of(progress.afterError()), classifier.limited(waiting, progress, now),
                        FailureKind.SYSTEM_UNAVAILABLE, false);
            }
            String message = "RDS call failed: " + e.getMessage() + (e.retryable()
                    ? " (" + MAX_CONSECUTIVE_ERRORS + " attempts in a row, each retried by the SDK); "
                    : "; ") + (isPermission(e)
                    ? "grant the function the RDS permission named above (see the IAM section of the README), then "
                    : "") + PreDeployClassifier.retryHint(request.source());
            FailureKind kind = isPermission(e) ? FailureKind.PERMISSION_ERROR
                    : e.retryable() ? FailureKind.SYSTEM_UNAVAILABLE : FailureKind.JOB_FAILED;
            return new Step(Optional.of(request), Optional.empty(),
                    PreDeployOutcome.failure(request, Optional.empty(), Reason.AWS_ERROR, message, e.retryable()), kind, false);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.error("unexpected error while handling the CodePipeline job", Map.of("jobId", job.jobId(),
                    "cluster", progress.clusterId(), "snapshot", progress.snapshotId(), "error", e.toString(),
                    "stackTrace", trace.toString()));
            return new Step(Optional.of(request), Optional.empty(), PreDeployOutcome.failure(request, Optional.empty(),
                    Reason.INTERNAL_ERROR, "aurora-guard's pre-deploy-snapshot failed unexpectedly (" + e
                            + "); see the function's log for request details, then " + PreDeployClassifier.retryHint(request.source()),
                    false), FailureKind.JOB_FAILED, false);
        }
    }

    private Answer answer(CodePipelineJobEvent job, Step step) {
        PreDeployOutcome outcome = step.outcome();
        String externalId = outcome.snapshotId();
        String call;
        Answer answer;
        try {
            switch (outcome.status()) {
                case AVAILABLE -> {
                    call = "PutJobSuccessResult";
                    answer = jobs.succeed(job.jobId(), outputVariables(outcome, step.request().orElseThrow()), outcome.message(),
                            externalId);
                }
                case CREATING, WAITING -> {
                    call = "PutJobSuccessResult";
                    answer = jobs.continueLater(job.jobId(), PreDeployContinuationToken.write(step.next().orElseThrow()),
                            outcome.message(), externalId);
                }
                default -> {
                    call = "PutJobFailureResult";
                    answer = jobs.fail(job.jobId(), step.failureKind(), outcome.message(), externalId);
                }
            }
        } catch (ServiceCallException e) {
            log.decision(Level.ERROR, "CodePipeline did not take the answer; failing the invocation so Lambda retries it",
                    outcome.clusterId(), outcome.snapshotId(), "reply", e.errorCode(), Map.of("jobId", job.jobId(),
                            "retryable", e.retryable(), "errorMessage", String.valueOf(e.getMessage())));
            throw new RetryableFailureException(functionName + ": the answer to CodePipeline job " + job.jobId()
                    + " was not delivered (" + e.getMessage() + "); Lambda will retry the invocation");
        }
        logAnswer(job, outcome, call, answer);
        return answer;
    }

    private Map<String, Object> reject(CodePipelineJobEvent job, String requestId, String message, FailureKind kind, Instant now) {
        log.decision(Level.ERROR, message, null, null, "reject-input", Reason.INVALID_REQUEST.code(), Map.of("jobId", job.jobId()));
        OutcomeEvent event = OutcomeEventSchema.preDeployRejected(PreDeployRequest.Source.CODEPIPELINE_JOB, job.jobId(),
                Optional.of(job.jobId()), Optional.empty(), message, functionName, requestId, now);
        PublishResult published = publish(List.of(event));
        Answer answer;
        try {
            answer = jobs.fail(job.jobId(), kind, message, requestId);
        } catch (ServiceCallException e) {
            log.decision(Level.ERROR, "CodePipeline did not take the answer; failing the invocation so Lambda retries it", null, null,
                    "reply", e.errorCode(), Map.of("jobId", job.jobId(), "retryable", e.retryable(),
                            "errorMessage", String.valueOf(e.getMessage())));
            throw new RetryableFailureException(functionName + ": the answer to CodePipeline job " + job.jobId()
                    + " was not delivered (" + e.getMessage() + "); Lambda will retry the invocation");
        }
        logAnswer(job, null, "PutJobFailureResult", answer);
        return result(job, requestId, Optional.empty(), Status.FAILED.toString(), Reason.INVALID_REQUEST.code(), message, null,
                answer, published);
    }

    private static Map<String, String> outputVariables(PreDeployOutcome outcome, PreDeployRequest request) {
        Snapshot snapshot = outcome.snapshot().orElseThrow();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(SNAPSHOT_ID_VARIABLE, snapshot.id());
        variables.put(SNAPSHOT_ARN_VARIABLE, snapshot.arn());
        snapshot.createTime().ifPresent(t -> variables.put(SNAPSHOT_CREATE_TIME_VARIABLE, t.toString()));
        variables.put(CLUSTER_ID_VARIABLE, snapshot.clusterId());
        request.label().ifPresent(label -> variables.put(LABEL_VARIABLE, label));
        return variables;
    }

    private PublishResult publish(List<OutcomeEvent> outbound) {
        return PublishedEvents.publish(events, outbound, log, eventBusName);
    }

    private void logDecision(PreDeployOutcome outcome, CodePipelineJobEvent job, PreDeployProgress progress) {
        Level level = switch (outcome.status()) {
            case CREATING, AVAILABLE -> Level.INFO;
            case WAITING -> outcome.reason() == Reason.AWS_ERROR ? Level.WARN : Level.INFO;
            case FAILED -> Level.ERROR;
        };
        String action = switch (outcome.status()) {
            case CREATING -> outcome.reason() == Reason.CREATED ? "create" : "wait";
            case WAITING -> "wait";
            case AVAILABLE -> "complete";
            case FAILED -> "fail";
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("jobId", job.jobId());
        extra.put("reference", progress.reference());
        progress.label().ifPresent(label -> extra.put("label", label));
        outcome.snapshot().ifPresent(s -> extra.put("snapshotStatus", s.status()));
        if (outcome.alreadyExisted()) {
            extra.put("alreadyExisted", true);
        }
        log.decision(level, outcome.message(), outcome.clusterId(), outcome.snapshotId(), action, outcome.reason().code(), extra);
    }

    private void logAnswer(CodePipelineJobEvent job, PreDeployOutcome outcome, String call, Answer answer) {
        String cluster = outcome == null ? null : outcome.clusterId();
        String snapshot = outcome == null ? null : outcome.snapshotId();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("jobId", job.jobId());
        extra.put("call", call);
        switch (answer.delivery()) {
            case ACCEPTED -> log.decision(Level.INFO, "CodePipeline took the answer", cluster, snapshot, "reply", "accepted", extra);
            case ALREADY_ANSWERED -> {
                extra.put("codePipelineMessage", answer.message());
                log.decision(Level.INFO, "the job already has an answer (an earlier delivery of this invocation gave it); nothing"
                        + " changed", cluster, snapshot, "reply", "already-answered", extra);
            }
            case JOB_NOT_FOUND -> {
                extra.put("codePipelineMessage", answer.message());
                log.decision(Level.ERROR, "CodePipeline does not know this job (another account or region, or long gone);"
                        + " nothing to answer", cluster, snapshot, "reply", "job-not-found", extra);
            }
        }
    }

    private Map<String, Object> result(CodePipelineJobEvent job, String requestId, Optional<PreDeployRequest> request,
                                       String outcomeWord, String reason, String message, PreDeployOutcome outcome,
                                       Answer answer, PublishResult published) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", functionName);
        map.put("requestId", requestId);
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", PreDeployRequest.Source.CODEPIPELINE_JOB.toString());
        trigger.put("jobId", job.jobId());
        request.ifPresent(r -> trigger.put("reference", r.reference()));
        map.put("trigger", trigger);
        request.ifPresent(r -> {
            map.put("cluster", r.clusterId());
            map.put("snapshot", r.snapshotId());
            r.label().ifPresent(l -> map.put("label", l));
        });
        if (outcome != null) {
            outcome.snapshot().ifPresent(s -> map.put("snapshotStatus", s.status()));
            if (outcome.alreadyExisted()) {
                map.put("alreadyExisted", true);
            }
        }
        map.put("outcome", outcomeWord);
        map.put("reason", reason);
        map.put("message", message);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("call", outcome == null || outcome.status() == Status.FAILED ? "PutJobFailureResult" : "PutJobSuccessResult");
        reply.put("continuation", outcome != null && outcome.isPending());
        reply.put("delivery", answer.delivery().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        map.put("reply", reply);
        map.put("events", PublishedEvents.toMap(published));
        boolean retry = published.failed().stream().anyMatch(FailedEvent::retryable);
        map.put("retry", retry);
        if (retry) {
            log.error("outcome events not published; failing the invocation so Lambda retries it (the job's answer stands)",
                    Map.of("jobId", job.jobId(), "eventsFailed", published.failed().size()));
            throw new RetryableFailureException(functionName + ": CodePipeline job " + job.jobId() + " answered ("
                    + map.get("outcome") + "), but " + published.failed().size() + " outcome event(s) were not published; Lambda"
                    + " will retry the invocation");
        }
        return map;
    }

    private static boolean isPermission(ServiceCallException e) {
        String code = e.errorCode();
        return code.contains("AccessDenied") || code.contains("NotAuthorized") || code.contains("Unauthorized");
    }
}
