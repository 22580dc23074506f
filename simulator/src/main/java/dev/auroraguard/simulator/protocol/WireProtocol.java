package dev.auroraguard.simulator.protocol;

import java.util.Map;

/**
 * One AWS wire protocol bound to one service model: it names the operation a request calls, parses the
 * request into the {@link SimulatedService} input conventions, and writes answers and errors exactly as
 * the AWS service does. The simulator decides injected faults between {@link #operation} and
 * {@link #parseInput}, so a fault never reaches the service.
 */
public interface WireProtocol {

    ServiceModel model();

    /** @throws AwsServiceException when the request names no operation of the model */
    ServiceModel.Operation operation(WireRequest request);

    /** @throws AwsServiceException for a missing required member or a value of the wrong type */
    Map<String, Object> parseInput(ServiceModel.Operation operation, WireRequest request);

    /** @throws IllegalStateException when {@code output} does not fit the operation's output shape (a simulator bug) */
    WireResponse success(ServiceModel.Operation operation, Map<String, Object> output, String requestId);

    WireResponse error(AwsServiceException error, String requestId);

    /** The protocol's answer to a throttled call, e.g. {@code Throttling} / {@code Rate exceeded}. */
    AwsServiceException throttlingError();

    /** HTTP 500, e.g. {@code InternalFailure}. */
    AwsServiceException internalError(String message);

    /** HTTP 503, e.g. {@code ServiceUnavailable}. */
    AwsServiceException serviceUnavailableError();
}
