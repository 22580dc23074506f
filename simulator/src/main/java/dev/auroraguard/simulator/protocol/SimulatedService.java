package dev.auroraguard.simulator.protocol;

import java.util.Map;

/**
 * One simulated AWS service behind the wire protocol. The protocol layer parses the request against
 * the service model into {@code input} and serializes {@code output} by the operation's output shape.
 *
 * <p>Value conventions, both ways: keys are the model's member names ({@code DBClusterIdentifier},
 * {@code Tags}); structures are {@code Map<String, Object>}; lists are {@code List<Object>} (for RDS,
 * already unwrapped from {@code Tags.Tag.N}); strings {@code String}; integers {@code Integer}; longs
 * {@code Long}; booleans {@code Boolean}; doubles {@code Double}; timestamps {@link java.time.Instant}.
 * Absent members are absent keys. Faults are thrown as {@link AwsServiceException}.
 */
public interface SimulatedService {

    /** @param operation the model's operation name, e.g. {@code DescribeDBClusters} */
    Map<String, Object> handle(String operation, Map<String, Object> input);
}
