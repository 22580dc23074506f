package dev.auroraguard.simulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A botocore service model ({@code service-2.json}) read from {@code models/<name>.json.gz} on the class
 * path: the operations, shapes and error codes the AWS SDKs and CLI are generated from. The wire
 * protocols parse requests and write responses by it, and services raise modelled faults through
 * {@link #fault(String, String)} so codes and HTTP statuses are exactly the model's.
 */
public final class ServiceModel {

    public static final String RDS = "rds-2014-10-31";
    public static final String EVENTS = "events-2015-10-07";
    public static final String CODEPIPELINE = "codepipeline-2015-07-09";
    public static final String SSM = "ssm-2014-11-06";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, ServiceModel> CACHE = new ConcurrentHashMap<>();

    /** The types botocore models use. */
    public enum ShapeType { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, BOOLEAN, DOUBLE, FLOAT, TIMESTAMP, BLOB }

    /**
     * A reference from a structure, list or map to a shape.
     *
     * @param name         the member name (for list members and map keys/values: {@code member}, {@code key}, {@code value})
     * @param locationName the wire name when it differs from {@code name} (XML element / query key), else null
     */
    public record Member(String name, String shape, String locationName, boolean flattened) {
        /** The name this member has on the wire. */
        public String wireName() {
            return locationName != null ? locationName : name;
        }
    }

    /** How a modelled error reaches the client. */
    public record ErrorShape(String shapeName, String code, int httpStatus, boolean senderFault) {
    }

    /**
     * One operation.
     *
     * @param inputShape    null when the operation takes no input
     * @param outputShape   null when the operation returns nothing but metadata
     * @param resultWrapper the Query protocol's result element ({@code DescribeDBClustersResult}), else null
     * @param errors        the error shape names the operation declares
     */
    public record Operation(String name, String inputShape, String outputShape, String resultWrapper, List<String> errors) {
        public Operation {
            errors = List.copyOf(errors);
        }
    }

    /** One shape. Collections are unmodifiable; absent constraints are null. */
    public record Shape(
            String name,
            ShapeType type,
            Map<String, Member> members,
            Set<String> required,
            Member listMember,
            Member mapKey,
            Member mapValue,
            boolean flattened,
            List<String> enumValues,
            Long min,
            Long max,
            String pattern,
            ErrorShape error) {

        public Member member(String memberName) {
            return members.get(memberName);
        }

        public boolean isException() {
            return error != null;
        }
    }

    private final String name;
    private final Map<String, String> metadata;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;
    private final Map<String, ErrorShape> errorsByCode;

    private ServiceModel(String name, Map<String, String> metadata, Map<String, Operation> operations, Map<String, Shape> shapes) {
        this.name = name;
        this.metadata = metadata;
        this.operations = operations;
        this.shapes = shapes;
        Map<String, ErrorShape> byCode = new LinkedHashMap<>();
        shapes.values().stream().filter(Shape::isException).forEach(s -> byCode.putIfAbsent(s.error().code(), s.error()));
        this.errorsByCode = Collections.unmodifiableMap(byCode);
    }

    /** Loads (once per JVM) the model {@code name}, e.g. {@link #RDS}. */
    public static ServiceModel load(String name) {
        return CACHE.computeIfAbsent(name, ServiceModel::read);
    }

    private static ServiceModel read(String name) {
        String resource = "/models/" + name + ".json.gz";
        try (InputStream raw = ServiceModel.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException("no service model " + resource + " on the class path");
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return parse(name, MAPPER.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read service model " + resource, e);
        }
    }

    private static ServiceModel parse(String name, JsonNode root) {
        Map<String, String> metadata = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        });
        Map<String, Shape> shapes = new LinkedHashMap<>();
        root.path("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), shape(e.getKey(), e.getValue())));
        Map<String, Operation> operations = new LinkedHashMap<>();
        root.path("operations").fields().forEachRemaining(e -> {
            JsonNode op = e.getValue();
            List<String> errors = new ArrayList<>();
            op.path("errors").forEach(err -> errors.add(err.path("shape").asText()));
            operations.put(e.getKey(), new Operation(
                    e.getKey(),
                    textOrNull(op.path("input").path("shape")),
                    textOrNull(op.path("output").path("shape")),
                    textOrNull(op.path("output").path("resultWrapper")),
                    errors));
        });
        return new ServiceModel(name, Collections.unmodifiableMap(metadata),
                Collections.unmodifiableMap(operations), Collections.unmodifiableMap(shapes));
    }

    private static Shape shape(String shapeName, JsonNode node) {
        ShapeType type = ShapeType.valueOf(node.path("type").asText().toUpperCase(java.util.Locale.ROOT));
        Map<String, Member> members = new LinkedHashMap<>();
        node.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), member(e.getKey(), e.getValue())));
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        ErrorShape error = null;
        if (node.path("exception").asBoolean(false)) {
            boolean fault = node.path("fault").asBoolean(false);
            JsonNode err = node.path("error");
            // botocore's defaults when a JSON service's model says nothing: code = shape name, 400 / 500.
            error = new ErrorShape(
                    shapeName,
                    err.hasNonNull("code") ? err.get("code").asText() : shapeName,
                    err.hasNonNull("httpStatusCode") ? err.get("httpStatusCode").asInt() : (fault ? 500 : 400),
                    err.has("senderFault") ? err.get("senderFault").asBoolean() : !fault);
        }
        return new Shape(
                shapeName,
                type,
                Collections.unmodifiableMap(members),
                Collections.unmodifiableSet(required),
                node.has("member") ? member("member", node.get("member")) : null,
                node.has("key") ? member("key", node.get("key")) : null,
                node.has("value") ? member("value", node.get("value")) : null,
                node.path("flattened").asBoolean(false),
                List.copyOf(enumValues),
                node.has("min") ? node.get("min").asLong() : null,
                node.has("max") ? node.get("max").asLong() : null,
                textOrNull(node.path("pattern")),
                error);
    }

    private static Member member(String memberName, JsonNode node) {
        return new Member(memberName, node.path("shape").asText(), textOrNull(node.path("locationName")),
                node.path("flattened").asBoolean(false));
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** The model's file name, e.g. {@code rds-2014-10-31}. */
    public String name() {
        return name;
    }

    /** {@code query}, {@code json}, ... */
    public String protocol() {
        return metadata.get("protocol");
    }

    public String apiVersion() {
        return metadata.get("apiVersion");
    }

    public String endpointPrefix() {
        return metadata.get("endpointPrefix");
    }

    /** The SigV4 service name clients sign with (the credential scope's service). */
    public String signingName() {
        return metadata.getOrDefault("signingName", endpointPrefix());
    }

    /** JSON protocol: the {@code X-Amz-Target} prefix, e.g. {@code AWSEvents}; else null. */
    public String targetPrefix() {
        return metadata.get("targetPrefix");
    }

    /** JSON protocol: {@code 1.0} or {@code 1.1}; else null. */
    public String jsonVersion() {
        return metadata.get("jsonVersion");
    }

    /** Query protocol: the response documents' namespace; else null. */
    public String xmlNamespace() {
        return metadata.get("xmlNamespace");
    }

    public String serviceId() {
        return metadata.get("serviceId");
    }

    public Optional<Operation> operation(String operationName) {
        return Optional.ofNullable(operations.get(operationName));
    }

    public Collection<Operation> operations() {
        return operations.values();
    }

    /** @throws IllegalArgumentException when the model has no such shape */
    public Shape shape(String shapeName) {
        Shape shape = shapes.get(shapeName);
        if (shape == null) {
            throw new IllegalArgumentException(name + " has no shape " + shapeName);
        }
        return shape;
    }

    /** The wire code, HTTP status and fault side of the error shape {@code shapeName}. */
    public ErrorShape error(String shapeName) {
        Shape shape = shape(shapeName);
        if (!shape.isException()) {
            throw new IllegalArgumentException(name + " shape " + shapeName + " is not an error shape");
        }
        return shape.error();
    }

    /** The modelled error whose wire code is {@code code}, if any. */
    public Optional<ErrorShape> errorByCode(String code) {
        return Optional.ofNullable(errorsByCode.get(code));
    }

    /**
     * The modelled fault {@code shapeName} with the service's message, ready to throw:
     * {@code throw model.fault("DBClusterNotFoundFault", "DBCluster x not found.")} answers code
     * {@code DBClusterNotFoundFault}, HTTP 404, {@code Sender}.
     */
    public AwsServiceException fault(String shapeName, String message) {
        ErrorShape error = error(shapeName);
        return new AwsServiceException(error.code(), error.httpStatus(), error.senderFault(), message);
    }
}
