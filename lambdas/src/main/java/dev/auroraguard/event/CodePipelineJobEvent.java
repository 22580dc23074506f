package dev.auroraguard.event;

import java.util.Map;
import java.util.Optional;

/**
 * The event CodePipeline invokes a Lambda invoke action's function with, reduced to what aurora-guard
 * reads. The event (AWS documentation, "Example JSON event"; fixture {@code codepipeline-job-event.json}):
 *
 * <pre>
 * {"CodePipeline.job": {
 *    "id": "11111111-abcd-1111-abcd-111111abcdef", "accountId": "111111111111",
 *    "data": {
 *      "actionConfiguration": {"configuration": {"FunctionName": "...", "UserParameters": "..."}},
 *      "inputArtifacts": [...], "outputArtifacts": [],
 *      "artifactCredentials": {"secretAccessKey": "...", "sessionToken": "...", "accessKeyId": "..."},
 *      "continuationToken": "...",                    (only on a continuation job)
 *      "encryptionKey": {"id": "arn:aws:kms:...", "type": "KMS"}}}}
 * </pre>
 *
 * <p>{@code artifactCredentials} are temporary credentials for the pipeline's artifact bucket: secrets.
 * They are never read into this record, so nothing downstream can log them.
 *
 * @param jobId             {@code CodePipeline.job.id}, which every answer names
 * @param accountId         {@code CodePipeline.job.accountId}
 * @param userParameters    the action's {@code UserParameters}, when set
 * @param continuationToken the token of the previous job's in-progress answer, on a continuation job
 */
public record CodePipelineJobEvent(String jobId, String accountId, Optional<String> userParameters,
                                   Optional<String> continuationToken) {

    public static final String JOB_KEY = "CodePipeline.job";

    public static boolean isCodePipelineJob(Map<String, Object> input) {
        return input != null && input.containsKey(JOB_KEY);
    }

    public static CodePipelineJobEvent parse(Map<String, Object> input) {
        if (!isCodePipelineJob(input)) {
            throw new InvalidEventException("expected a CodePipeline job event (a '" + JOB_KEY + "' object)");
        }
        EventFields job = new EventFields(input, "event").object(JOB_KEY);
        String jobId = job.requiredString("id");
        String accountId = job.optionalString("accountId").orElse("");
        Optional<String> userParameters = Optional.empty();
        Optional<String> continuationToken = Optional.empty();
        if (job.has("data")) {
            EventFields data = job.object("data");
            continuationToken = data.optionalString("continuationToken");
            if (data.has("actionConfiguration")) {
                EventFields action = data.object("actionConfiguration");
                if (action.has("configuration")) {
                    userParameters = action.object("configuration").optionalString("UserParameters");
                }
            }
        }
        return new CodePipelineJobEvent(jobId, accountId, userParameters, continuationToken);
    }
}
