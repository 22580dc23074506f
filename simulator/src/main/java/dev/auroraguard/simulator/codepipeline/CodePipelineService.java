package dev.auroraguard.simulator.codepipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The CodePipeline job-worker side of a Lambda invoke action: the jobs CodePipeline hands a function
 * and the two calls the function answers with, {@code PutJobSuccessResult} and {@code PutJobFailureResult}
 * (AWS JSON 1.1, target prefix {@code CodePipeline_20150709}).
 *
 * <p>CodePipeline only knows jobs it created, so a test or the demo first {@link #createJob creates} one,
 * then hands the function {@link #lambdaEvent the event CodePipeline would send}. Each result is recorded
 * ({@link #jobResults}) and CodePipeline's rules are enforced:
 * <ul>
 *   <li>an unknown job id answers {@code JobNotFoundException};</li>
 *   <li>a job that already has a result, or that timed out, answers {@code InvalidJobStateException};</li>
 *   <li>{@code outputVariables} together with a {@code continuationToken} answers {@code ValidationException},
 *       as does an output variable name outside {@code [A-Za-z0-9@\-_]+} or an unknown failure type
 *       (token length and job id format are checked by the protocol from the model);</li>
 *   <li>output variables over {@value #MAX_OUTPUT_VARIABLES_BYTES} bytes in all answer
 *       {@code OutputVariablesSizeExceededException}.</li>
 * </ul>
 * A success with a continuation token makes CodePipeline schedule a <em>new</em> job for the same action
 * execution, carrying the token ({@link #nextJobId}); a job nobody answered within
 * {@link #REPLY_TIMEOUT} times out, and an action execution still unfinished after {@link #ACTION_TIMEOUT}
 * gets no further job. Every job carries freshly generated artifact credentials, as CodePipeline's do,
 * so tests can check that they never leak.
 */
public final class CodePipelineService implements StatefulService {

    /** CodePipeline fails a Lambda invoke action whose function has not replied for 20 minutes. */
    public static final Duration REPLY_TIMEOUT = Duration.ofMinutes(20);
    /** The Lambda invoke action's overall timeout. */
    public static final Duration ACTION_TIMEOUT = Duration.ofHours(24);
    /** CodePipeline's quota on the combined size of an action's output variables. */
    public static final int MAX_OUTPUT_VARIABLES_BYTES = 122_880;
    /** {@code FailureType} in the model. */
    public static final List<String> FAILURE_TYPES = List.of("JobFailed", "ConfigurationError", "PermissionError",
            "RevisionOutOfSync", "RevisionUnavailable", "SystemUnavailable");

    private static final Pattern OUTPUT_VARIABLE_NAME = Pattern.compile("[A-Za-z0-9@\\-_]+");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Where a job stands. */
    public enum JobStatus {
        /** Handed to the function; no result yet. */
        IN_PROGRESS,
        /** PutJobSuccessResult accepted (with or without a continuation token). */
        SUCCEEDED,
        /** PutJobFailureResult accepted. */
        FAILED,
        /** Nobody replied within {@link #REPLY_TIMEOUT}; the action failed. */
        TIMED_OUT
    }

    /** The temporary credentials for the artifact bucket that CodePipeline puts in every job event. */
    public record ArtifactCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "ArtifactCredentials[accessKeyId=" + accessKeyId + ", secret and session token hidden]";
        }
    }

    /**
     * One job as CodePipeline holds it.
     *
     * @param actionExecutionId the first job of the action execution (continuations share it)
     * @param userParameters    the action's {@code UserParameters}, if configured
     * @param continuationToken the token of the previous job's reply, for a continuation job
     */
    public record Job(String id, String actionExecutionId, String functionName, Optional<String> userParameters,
                      Optional<String> continuationToken, Instant createdAt, Instant actionStartedAt, JobStatus status,
                      ArtifactCredentials artifactCredentials) {
    }

    /**
     * One accepted PutJobSuccessResult or PutJobFailureResult: what CodePipeline was told.
     *
     * @param success             PutJobSuccessResult (true) or PutJobFailureResult
     * @param continuationToken   the token of an in-progress reply
     * @param outputVariables     the output variables of a final success
     * @param summary             {@code executionDetails.summary}
     * @param externalExecutionId {@code executionDetails.externalExecutionId} or {@code failureDetails.externalExecutionId}
     * @param failureType         {@code failureDetails.type}
     * @param failureMessage      {@code failureDetails.message}
     * @param nextJobId           the continuation job CodePipeline scheduled for a token
     */
    public record JobResult(String jobId, Instant time, boolean success, Optional<String> continuationToken,
                            Map<String, String> outputVariables, Optional<String> summary,
                            Optional<String> externalExecutionId, Optional<Integer> percentComplete,
                            Optional<String> failureType, Optional<String> failureMessage, Optional<String> nextJobId) {
        public JobResult {
            outputVariables = Collections.unmodifiableMap(new LinkedHashMap<>(outputVariables));
        }

        /** A success that ends the action (no continuation token). */
        public boolean isFinalSuccess() {
            return success && continuationToken.isEmpty();
        }
    }

    /** A PutJob*Result call CodePipeline refused, with the error it answered. */
    public record Refusal(String jobId, Instant time, String operation, String errorCode, String message) {
    }

    private final ServiceModel model;
    private final SimClock clock;
    private final String accountId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, List<JobResult>> results = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    public CodePipelineService(ServiceModel model, SimClock clock, String accountId) {
        this.model = model;
        this.clock = clock;
        this.accountId = accountId;
    }

    @Override
    public synchronized Map<String, Object> handle(String operation, Map<String, Object> input) {
        String jobId = (String) input.get("jobId");
        try {
            return switch (operation) {
                case "PutJobSuccessResult" -> putJobSuccessResult(input);
                case "PutJobFailureResult" -> putJobFailureResult(input);
                default -> throw AwsServiceException.sender("UnsupportedOperation", "The simulator's CodePipeline does not implement "
                        + operation + "; it implements PutJobSuccessResult and PutJobFailureResult (the Lambda invoke action's calls).");
            };
        } catch (AwsServiceException refused) {
            refusals.add(new Refusal(jobId, clock.instant(), operation, refused.code(), refused.getMessage()));
            throw refused;
        }
    }

    // ---- what tests and the demo use ---------------------------------------------------------------

    /**
     * CodePipeline starts a Lambda invoke action: a new job for {@code functionName}.
     *
     * @param userParameters the action's UserParameters, or null when the action has none
     * @return the job id, as in the event's {@code CodePipeline.job.id}
     */
    public synchronized String createJob(String functionName, String userParameters) {
        Objects.requireNonNull(functionName, "functionName");
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        jobs.put(id, new Job(id, id, functionName, Optional.ofNullable(userParameters), Optional.empty(), now, now,
                JobStatus.IN_PROGRESS, newCredentials()));
        return id;
    }

    /**
     * Makes CodePipeline know a job it created elsewhere, e.g. to replay a recorded or documented event
     * with its own job id; from then on the job behaves like one {@link #createJob} made.
     *
     * @param userParameters    the action's UserParameters, or null
     * @param continuationToken the token the event carries, or null for a first job
     */
    public synchronized void registerJob(String jobId, String functionName, String userParameters, String continuationToken) {
        if (jobs.containsKey(jobId)) {
            throw new IllegalArgumentException("CodePipeline already has job " + jobId);
        }
        if (!jobId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("CodePipeline job ids are lower-case UUIDs, not " + jobId);
        }
        Instant now = clock.instant();
        jobs.put(jobId, new Job(jobId, jobId, functionName, Optional.ofNullable(userParameters), Optional.ofNullable(continuationToken),
                now, now, JobStatus.IN_PROGRESS, newCredentials()));
    }

    /** Every job CodePipeline created, in order. */
    public synchronized List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The job's status; settles time-outs first. */
    public synchronized JobStatus status(String jobId) {
        settle();
        return requireJob(jobId).status();
    }

    /** Every accepted result for the job (at most one: a job takes one result). */
    public synchronized List<JobResult> jobResults(String jobId) {
        return List.copyOf(results.getOrDefault(jobId, List.of()));
    }

    /** The calls refused for this job, e.g. a second result ({@code InvalidJobStateException}). */
    public synchronized List<Refusal> refusals(String jobId) {
        return refusals.stream().filter(r -> Objects.equals(r.jobId(), jobId)).toList();
    }

    /** The continuation job CodePipeline scheduled after this job's in-progress reply. */
    public synchronized Optional<String> nextJobId(String jobId) {
        return results.getOrDefault(jobId, List.of()).stream().map(JobResult::nextJobId).flatMap(Optional::stream).findFirst();
    }

    /** Every job of the action execution that began with {@code firstJobId}, in order. */
    public synchronized List<Job> actionJobs(String firstJobId) {
        return jobs.values().stream().filter(j -> j.actionExecutionId().equals(firstJobId)).toList();
    }

    /**
     * The event CodePipeline sends the function for this job, in the shape of the AWS documentation's
     * "Example JSON event": {@code CodePipeline.job} with {@code id}, {@code accountId} and {@code data}
     * ({@code actionConfiguration.configuration} with {@code FunctionName} and {@code UserParameters},
     * {@code inputArtifacts}, {@code outputArtifacts}, {@code artifactCredentials} and, for a continuation,
     * {@code continuationToken}).
     */
    public synchronized String lambdaEvent(String jobId) {
        Job job = requireJob(jobId);
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode node = root.putObject("CodePipeline.job");
        node.put("id", job.id());
        node.put("accountId", accountId);
        ObjectNode data = node.putObject("data");
        ObjectNode configuration = data.putObject("actionConfiguration").putObject("configuration");
        configuration.put("FunctionName", job.functionName());
        job.userParameters().ifPresent(p -> configuration.put("UserParameters", p));
        data.putArray("inputArtifacts");
        data.putArray("outputArtifacts");
        ObjectNode credentials = data.putObject("artifactCredentials");
        credentials.put("secretAccessKey", job.artifactCredentials().secretAccessKey());
        credentials.put("sessionToken", job.artifactCredentials().sessionToken());
        credentials.put("accessKeyId", job.artifactCredentials().accessKeyId());
        job.continuationToken().ifPresent(token -> data.put("continuationToken", token));
        return root.toString();
    }

    // ---- PutJobSuccessResult / PutJobFailureResult -------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> putJobSuccessResult(Map<String, Object> input) {
        String token = (String) input.get("continuationToken");
        Map<String, Object> variables = (Map<String, Object>) input.get("outputVariables");
        Map<String, String> outputVariables = new LinkedHashMap<>();
        if (variables != null) {
            if (token != null) {
                throw AwsServiceException.sender("ValidationException",
                        "outputVariables can be included only when there is no continuation token on the request.");
            }
            long bytes = 0;
            for (Map.Entry<String, Object> variable : variables.entrySet()) {
                if (!OUTPUT_VARIABLE_NAME.matcher(variable.getKey()).matches()) {
                    throw AwsServiceException.sender("ValidationException", "1 validation error detected: Value '"
                            + variable.getKey() + "' at 'outputVariables' failed to satisfy constraint: Map keys must satisfy "
                            + "constraint: [Member must satisfy regular expression pattern: " + OUTPUT_VARIABLE_NAME.pattern() + "]");
                }
                String value = variable.getValue() == null ? "" : (String) variable.getValue();
                bytes += variable.getKey().getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
                outputVariables.put(variable.getKey(), value);
            }
            if (bytes > MAX_OUTPUT_VARIABLES_BYTES) {
                throw model.fault("OutputVariablesSizeExceededException", "Exceeded the total size limit for all variables in the "
                        + "pipeline: " + bytes + " bytes, at most " + MAX_OUTPUT_VARIABLES_BYTES + ".");
            }
        }
        Job job = inProgressJob((String) input.get("jobId"));
        Map<String, Object> details = (Map<String, Object>) input.getOrDefault("executionDetails", Map.of());
        Instant now = clock.instant();
        Optional<String> nextJobId = Optional.empty();
        JobStatus actionTimedOut = null;
        if (token != null) {
            if (!now.isBefore(job.actionStartedAt().plus(ACTION_TIMEOUT))) {
                // The action's 24 hours are over: CodePipeline schedules no further job and fails the action.
                actionTimedOut = JobStatus.TIMED_OUT;
            } else {
                String next = UUID.randomUUID().toString();
                jobs.put(next, new Job(next, job.actionExecutionId(), job.functionName(), job.userParameters(), Optional.of(token),
                        now, job.actionStartedAt(), JobStatus.IN_PROGRESS, newCredentials()));
                nextJobId = Optional.of(next);
            }
        }
        jobs.put(job.id(), withStatus(job, actionTimedOut != null ? actionTimedOut : JobStatus.SUCCEEDED));
        results.computeIfAbsent(job.id(), id -> new ArrayList<>()).add(new JobResult(job.id(), now, true,
                Optional.ofNullable(token), outputVariables, Optional.ofNullable((String) details.get("summary")),
                Optional.ofNullable((String) details.get("externalExecutionId")),
                Optional.ofNullable((Integer) details.get("percentComplete")), Optional.empty(), Optional.empty(), nextJobId));
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> putJobFailureResult(Map<String, Object> input) {
        Map<String, Object> failure = (Map<String, Object>) input.get("failureDetails");
        String type = (String) failure.get("type");
        if (!FAILURE_TYPES.contains(type)) {
            throw AwsServiceException.sender("ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'failureDetails.type' failed to satisfy constraint: Member must satisfy enum value set: " + FAILURE_TYPES);
        }
        Job job = inProgressJob((String) input.get("jobId"));
        jobs.put(job.id(), withStatus(job, JobStatus.FAILED));
        results.computeIfAbsent(job.id(), id -> new ArrayList<>()).add(new JobResult(job.id(), clock.instant(), false,
                Optional.empty(), Map.of(), Optional.empty(), Optional.ofNullable((String) failure.get("externalExecutionId")),
                Optional.empty(), Optional.of(type), Optional.of((String) failure.get("message")), Optional.empty()));
        return new LinkedHashMap<>();
    }

    private Job inProgressJob(String jobId) {
        settle();
        Job job = jobs.get(jobId);
        if (job == null) {
            throw model.fault("JobNotFoundException", "The job was specified in an invalid format or cannot be found.");
        }
        if (job.status() != JobStatus.IN_PROGRESS) {
            throw model.fault("InvalidJobStateException", "The job state was specified in an invalid format. Job " + jobId
                    + " is " + job.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " and takes no further result.");
        }
        return job;
    }

    private Job requireJob(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("CodePipeline has no job " + jobId + "; create one with createJob");
        }
        return job;
    }

    private static Job withStatus(Job job, JobStatus status) {
        return new Job(job.id(), job.actionExecutionId(), job.functionName(), job.userParameters(), job.continuationToken(),
                job.createdAt(), job.actionStartedAt(), status, job.artifactCredentials());
    }

    /** Session credentials shaped like STS's: ASIA key id, 40-character secret, long session token. */
    private ArtifactCredentials newCredentials() {
        return new ArtifactCredentials("ASIA" + randomText(UPPER_ALNUM, 16), randomText(BASE64, 40), randomText(BASE64, 356));
    }

    private String randomText(char[] alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    // ---- state -------------------------------------------------------------------------------------

    /** Jobs nobody answered within {@link #REPLY_TIMEOUT} time out, as the action does in CodePipeline. */
    @Override
    public synchronized void settle() {
        Instant now = clock.instant();
        for (Job job : List.copyOf(jobs.values())) {
            if (job.status() == JobStatus.IN_PROGRESS && !now.isBefore(job.createdAt().plus(REPLY_TIMEOUT))) {
                jobs.put(job.id(), withStatus(job, JobStatus.TIMED_OUT));
            }
        }
    }

    @Override
    public synchronized String stateJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode jobArray = root.putArray("jobs");
        for (Job job : jobs.values()) {
            ObjectNode node = jobArray.addObject();
            node.put("id", job.id());
            node.put("actionExecutionId", job.actionExecutionId());
            node.put("functionName", job.functionName());
            job.userParameters().ifPresent(p -> node.put("userParameters", p));
            job.continuationToken().ifPresent(t -> node.put("continuationToken", t));
            node.put("createdAt", job.createdAt().toString());
            node.put("actionStartedAt", job.actionStartedAt().toString());
            node.put("status", job.status().name());
            node.put("accessKeyId", job.artifactCredentials().accessKeyId());
            node.put("secretAccessKey", job.artifactCredentials().secretAccessKey());
            node.put("sessionToken", job.artifactCredentials().sessionToken());
        }
        ArrayNode resultArray = root.putArray("results");
        for (List<JobResult> list : results.values()) {
            for (JobResult result : list) {
                ObjectNode node = resultArray.addObject();
                node.put("jobId", result.jobId());
                node.put("time", result.time().toString());
                node.put("success", result.success());
                result.continuationToken().ifPresent(t -> node.put("continuationToken", t));
                ObjectNode variables = node.putObject("outputVariables");
                result.outputVariables().forEach(variables::put);
                result.summary().ifPresent(s -> node.put("summary", s));
                result.externalExecutionId().ifPresent(s -> node.put("externalExecutionId", s));
                result.percentComplete().ifPresent(p -> node.put("percentComplete", p));
                result.failureType().ifPresent(s -> node.put("failureType", s));
                result.failureMessage().ifPresent(s -> node.put("failureMessage", s));
                result.nextJobId().ifPresent(s -> node.put("nextJobId", s));
            }
        }
        return root.toString();
    }

    @Override
    public synchronized void restoreState(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            jobs.clear();
            results.clear();
            for (JsonNode node : root.path("jobs")) {
                String id = node.path("id").asText();
                jobs.put(id, new Job(id, node.path("actionExecutionId").asText(), node.path("functionName").asText(),
                        text(node, "userParameters"), text(node, "continuationToken"), Instant.parse(node.path("createdAt").asText()),
                        Instant.parse(node.path("actionStartedAt").asText()), JobStatus.valueOf(node.path("status").asText()),
                        new ArtifactCredentials(node.path("accessKeyId").asText(), node.path("secretAccessKey").asText(),
                                node.path("sessionToken").asText())));
            }
            for (JsonNode node : root.path("results")) {
                Map<String, String> variables = new LinkedHashMap<>();
                node.path("outputVariables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
                String jobId = node.path("jobId").asText();
                results.computeIfAbsent(jobId, id -> new ArrayList<>()).add(new JobResult(jobId,
                        Instant.parse(node.path("time").asText()), node.path("success").asBoolean(), text(node, "continuationToken"),
                        variables, text(node, "summary"), text(node, "externalExecutionId"),
                        node.has("percentComplete") ? Optional.of(node.get("percentComplete").asInt()) : Optional.empty(),
                        text(node, "failureType"), text(node, "failureMessage"), text(node, "nextJobId")));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("saved CodePipeline state is not readable: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
