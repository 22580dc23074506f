package dev.auroraguard.simulator.rds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** Error codes and statuses straight from the bundled botocore RDS model, for tests that drive RdsSimulator directly. */
final class ModelFaults implements FaultLookup {

    private static final JsonNode SHAPES = load();

    @Override
    public AwsServiceException fault(String errorShapeName, String message) {
        JsonNode error = SHAPES.path(errorShapeName).path("error");
        if (error.isMissingNode()) {
            throw new IllegalArgumentException("the RDS model has no error shape " + errorShapeName);
        }
        return new AwsServiceException(error.path("code").asText(), error.path("httpStatusCode").asInt(),
                error.path("senderFault").asBoolean(), message);
    }

    private static JsonNode load() {
        try (InputStream in = new GZIPInputStream(ModelFaults.class.getResourceAsStream("/models/rds-2014-10-31.json.gz"))) {
            return new ObjectMapper().readTree(in).path("shapes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
