package dev.auroraguard.port;

import java.util.Map;
import java.util.Objects;

/**
 * Answers a CodePipeline job (PutJobSuccessResult, PutJobFailureResult). Every job must be answered
 * exactly once: an unanswered job fails its action after 20 minutes.
 *
 * <p>An answer CodePipeline no longer takes is part of the result, not an exception: the job already has
 * a result ({@link Delivery#ALREADY_ANSWERED}, e.g. a retried invocation) or CodePipeline does not know it
 * ({@link Delivery#JOB_NOT_FOUND}). Anything else that fails after the SDK's retries throws
 * {@link ServiceCallException}.
 */
public interface CodePipelineJobs {

    /** CodePipeline's limit on a continuation token. */
    int MAX_CONTINUATION_TOKEN_LENGTH = 2048;
    /** CodePipeline's limit on {@code executionDetails.summary}. */
    int MAX_SUMMARY_LENGTH = 2048;
    /** CodePipeline's limit on {@code failureDetails.message}. */
    int MAX_FAILURE_MESSAGE_LENGTH = 5000;

    /** Still in progress: CodePipeline invokes the function again with a new job carrying {@code continuationToken}. */
    Answer continueLater(String jobId, String continuationToken, String summary, String externalExecutionId);

    /** Done: the action succeeds and later actions can read {@code outputVariables}. */
    Answer succeed(String jobId, Map<String, String> outputVariables, String summary, String externalExecutionId);

    /** Failed: the action fails and the pipeline shows {@code message}. */
    Answer fail(String jobId, FailureKind kind, String message, String externalExecutionId);

    /** CodePipeline's {@code FailureType}s this function uses. */
    enum FailureKind {
        /** The work failed. */
        JOB_FAILED,
        /** The action is configured wrongly (UserParameters, the cluster it names). */
        CONFIGURATION_ERROR,
        /** The function may not do what the action asks. */
        PERMISSION_ERROR,
        /** An AWS service did not answer. */
        SYSTEM_UNAVAILABLE
    }

    /** What became of an answer. */
    enum Delivery {
        ACCEPTED,
        /** InvalidJobStateException: the job has a result already (or timed out); this answer changed nothing. */
        ALREADY_ANSWERED,
        /** JobNotFoundException: CodePipeline does not know the job (wrong account or region, or long gone). */
        JOB_NOT_FOUND
    }

    /** @param message CodePipeline's message when the answer was not accepted, else empty */
    record Answer(Delivery delivery, String message) {
        public Answer {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(message, "message");
        }

        public static Answer accepted() {
            return new Answer(Delivery.ACCEPTED, "");
        }
    }
}
