package dev.auroraguard.simulator.rds;

import dev.auroraguard.simulator.protocol.AwsServiceException;

/**
 * Turns one of the service model's error shapes (e.g. {@code DBClusterNotFoundFault}) into the fault the
 * client receives, with the code and HTTP status the model gives that shape.
 */
@FunctionalInterface
public interface FaultLookup {

    AwsServiceException fault(String errorShapeName, String message);
}
