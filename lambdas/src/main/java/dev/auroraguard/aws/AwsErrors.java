package dev.auroraguard.aws;

import dev.auroraguard.port.ServiceCallException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Translates what the SDK throws, after its own retries, into {@link ServiceCallException}. */
final class AwsErrors {

    private AwsErrors() {
    }

    static ServiceCallException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                    ? service.awsErrorDetails().errorCode()
                    : "HTTP " + service.statusCode();
            String message = message(service);
            boolean retryable = service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429;
            return new ServiceCallException(operation, code, retryable, message, e);
        }
        if (e instanceof SdkClientException) {
            // Transport failures, timeouts and an exhausted retry quota: the service may well answer later.
            return new ServiceCallException(operation, e.getClass().getSimpleName(), true, String.valueOf(e.getMessage()), e);
        }
        return new ServiceCallException(operation, e.getClass().getSimpleName(), e.retryable(), String.valueOf(e.getMessage()), e);
    }

    /** The service's own error message, for the outcomes an adapter reports instead of throwing. */
    static String message(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : String.valueOf(e.getMessage());
    }
}
