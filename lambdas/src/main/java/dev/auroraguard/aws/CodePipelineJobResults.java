package dev.auroraguard.aws;

import dev.auroraguard.port.CodePipelineJobs;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ExecutionDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException;
import software.amazon.awssdk.services.codepipeline.model.JobNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PutJobFailureResultRequest;
import software.amazon.awssdk.services.codepipeline.model.PutJobSuccessResultRequest;

/**
 * {@link CodePipelineJobs} over PutJobSuccessResult and PutJobFailureResult. Texts longer than CodePipeline
 * takes are shortened (with a marker) rather than refused: an answer that is refused leaves the job to time
 * out, which is worse than a clipped message.
 */
public final class CodePipelineJobResults implements CodePipelineJobs {

    /** SnapStart priming: the details of a job that does not exist (see {@link ClientPriming}). */
    public static ClientPriming.Call primingCall(CodePipelineClient codePipeline) {
        return new ClientPriming.Call("codepipeline:GetJobDetails", () -> codePipeline.getJobDetails(r -> r
                .jobId("00000000-0000-0000-0000-000000000000")));
    }

    private final CodePipelineClient codePipeline;

    public CodePipelineJobResults(CodePipelineClient codePipeline) {
        this.codePipeline = codePipeline;
    }

    @Override
    public Answer continueLater(String jobId, String continuationToken, String summary, String externalExecutionId) {
        if (continuationToken.length() > MAX_CONTINUATION_TOKEN_LENGTH) {
            // A clipped token would be unreadable on the next call; the caller must never build one this long.
            throw new IllegalArgumentException("continuation token of " + continuationToken.length() + " characters (at most "
                    + MAX_CONTINUATION_TOKEN_LENGTH + ")");
        }
        return send("PutJobSuccessResult", () -> codePipeline.putJobSuccessResult(PutJobSuccessResultRequest.builder()
                .jobId(jobId)
                .continuationToken(continuationToken)
                .executionDetails(details(summary, externalExecutionId))
                .build()));
    }

    @Override
    public Answer succeed(String jobId, Map<String, String> outputVariables, String summary, String externalExecutionId) {
        return send("PutJobSuccessResult", () -> codePipeline.putJobSuccessResult(PutJobSuccessResultRequest.builder()
                .jobId(jobId)
                .outputVariables(outputVariables)
                .executionDetails(details(summary, externalExecutionId))
                .build()));
    }

    @Override
    public Answer fail(String jobId, FailureKind kind, String message, String externalExecutionId) {
        FailureType type = switch (kind) {
            case JOB_FAILED -> FailureType.JOB_FAILED;
            case CONFIGURATION_ERROR -> FailureType.CONFIGURATION_ERROR;
            case PERMISSION_ERROR -> FailureType.PERMISSION_ERROR;
            case SYSTEM_UNAVAILABLE -> FailureType.SYSTEM_UNAVAILABLE;
        };
        return send("PutJobFailureResult", () -> codePipeline.putJobFailureResult(PutJobFailureResultRequest.builder()
                .jobId(jobId)
                .failureDetails(FailureDetails.builder()
                        .type(type)
                        .message(clip(message, MAX_FAILURE_MESSAGE_LENGTH))
                        .externalExecutionId(externalExecutionId)
                        .build())
                .build()));
    }

    private static ExecutionDetails details(String summary, String externalExecutionId) {
        return ExecutionDetails.builder().summary(clip(summary, MAX_SUMMARY_LENGTH)).externalExecutionId(externalExecutionId).build();
    }

    private static Answer send(String operation, Supplier<?> call) {
        try {
            call.get();
            return Answer.accepted();
        } catch (InvalidJobStateException e) {
            return new Answer(Delivery.ALREADY_ANSWERED, AwsErrors.message(e));
        } catch (JobNotFoundException e) {
            return new Answer(Delivery.JOB_NOT_FOUND, AwsErrors.message(e));
        } catch (SdkException e) {
            throw AwsErrors.translate(operation, e);
        }
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = " [...]";
        return text.substring(0, max - marker.length()) + marker;
    }
}
