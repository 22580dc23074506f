package dev.auroraguard.simulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.protocol.ServiceModel.Member;
import dev.auroraguard.simulator.protocol.ServiceModel.Operation;
import dev.auroraguard.simulator.protocol.ServiceModel.Shape;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The AWS JSON protocol (1.0/1.1: EventBridge {@code AWSEvents.*}, CodePipeline, SSM): the operation
 * comes from {@code X-Amz-Target: <targetPrefix>.<Operation>}, input and output are JSON objects keyed
 * by member names, timestamps are epoch seconds. Like the AWS front ends it checks the model's
 * constraints (required, length, range, pattern) before the service runs and answers
 * {@code ValidationException} listing every violation.
 */
public final class JsonProtocol implements WireProtocol {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Timestamps are written as DecimalNode directly: the factory would strip trailing zeros and
    // Jackson would then print epoch seconds in E notation.

    private final ServiceModel model;
    private final String contentType;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public JsonProtocol(ServiceModel model) {
        if (!"json".equals(model.protocol())) {
            throw new IllegalArgumentException(model.name() + " is a " + model.protocol() + " service, not json");
        }
        this.model = model;
        this.contentType = "application/x-amz-json-" + (model.jsonVersion() == null ? "1.1" : model.jsonVersion());
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Operation operation(WireRequest request) {
        String target = request.header("X-Amz-Target");
        String prefix = model.targetPrefix() + ".";
        if (target == null || !target.startsWith(prefix)) {
            throw AwsServiceException.sender("UnknownOperationException",
                    "X-Amz-Target '" + target + "' does not name an operation of " + model.targetPrefix() + ".");
        }
        String name = target.substring(prefix.length());
        return model.operation(name).orElseThrow(() -> AwsServiceException.sender("UnknownOperationException",
                "Operation " + name + " is not an operation of " + model.targetPrefix() + "."));
    }

    @Override
    public Map<String, Object> parseInput(Operation operation, WireRequest request) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? NODES.objectNode() : MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw AwsServiceException.sender("SerializationException", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = NODES.objectNode();
        }
        if (!body.isObject()) {
            throw AwsServiceException.sender("SerializationException", "The request body must be a JSON object.");
        }
        if (operation.inputShape() == null) {
            return new LinkedHashMap<>();
        }
        Shape shape = model.shape(operation.inputShape());
        List<String> violations = new ArrayList<>();
        Map<String, Object> input = structure(shape, (ObjectNode) body, "", violations);
        if (!violations.isEmpty()) {
            throw AwsServiceException.sender("ValidationException", violations.size() + " validation error"
                    + (violations.size() == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
        }
        return input;
    }

    // ---- request parsing and validation ----------------------------------------------------------

    private Map<String, Object> structure(Shape shape, ObjectNode node, String path, List<String> violations) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Member member : shape.members().values()) {
            JsonNode value = node.get(member.wireName());
            String memberPath = path + lowerCamel(member.name());
            if (value == null || value.isNull()) {
                if (shape.required().contains(member.name())) {
                    violations.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            result.put(member.name(), value(model.shape(member.shape()), value, memberPath, violations));
        }
        return result;
    }

    private Object value(Shape shape, JsonNode node, String path, List<String> violations) {
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!node.isObject()) {
                    throw typeMismatch(path, "an object", node);
                }
                return structure(shape, (ObjectNode) node, path + ".member.", violations);
            }
            case LIST -> {
                if (!node.isArray()) {
                    throw typeMismatch(path, "an array", node);
                }
                checkLength(shape, node.size(), node, path, violations);
                List<Object> items = new ArrayList<>();
                Shape itemShape = model.shape(shape.listMember().shape());
                int index = 1;
                for (JsonNode item : node) {
                    if (item.isNull()) {
                        violations.add("Value null at '" + path + "." + index + "' failed to satisfy constraint: Member must not be null");
                    } else {
                        items.add(value(itemShape, item, path + "." + index, violations));
                    }
                    index++;
                }
                return items;
            }
            case MAP -> {
                if (!node.isObject()) {
                    throw typeMismatch(path, "an object", node);
                }
                checkLength(shape, node.size(), node, path, violations);
                Map<String, Object> entries = new LinkedHashMap<>();
                Shape valueShape = model.shape(shape.mapValue().shape());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    entries.put(entry.getKey(), entry.getValue().isNull() ? null
                            : value(valueShape, entry.getValue(), path + "." + entry.getKey(), violations));
                }
                return entries;
            }
            case STRING -> {
                if (!node.isTextual()) {
                    throw typeMismatch(path, "a string", node);
                }
                String text = node.asText();
                checkLength(shape, text.codePointCount(0, text.length()), node, path, violations);
                Pattern pattern = pattern(shape);
                if (pattern != null && !pattern.matcher(text).matches()) {
                    violations.add("Value '" + text + "' at '" + path
                            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + shape.pattern());
                }
                return text;
            }
            case INTEGER, LONG -> {
                if (!node.isIntegralNumber() || (shape.type() == ServiceModel.ShapeType.INTEGER && !node.canConvertToInt())
                        || !node.canConvertToLong()) {
                    throw typeMismatch(path, shape.type() == ServiceModel.ShapeType.INTEGER ? "an integer" : "a long", node);
                }
                long number = node.asLong();
                if (shape.min() != null && number < shape.min()) {
                    violations.add("Value '" + number + "' at '" + path
                            + "' failed to satisfy constraint: Member must have value greater than or equal to " + shape.min());
                }
                if (shape.max() != null && number > shape.max()) {
                    violations.add("Value '" + number + "' at '" + path
                            + "' failed to satisfy constraint: Member must have value less than or equal to " + shape.max());
                }
                return shape.type() == ServiceModel.ShapeType.INTEGER ? (Object) node.asInt() : (Object) number;
            }
            case DOUBLE, FLOAT -> {
                if (!node.isNumber()) {
                    throw typeMismatch(path, "a number", node);
                }
                return node.asDouble();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw typeMismatch(path, "a boolean", node);
                }
                return node.asBoolean();
            }
            case TIMESTAMP -> {
                try {
                    if (node.isNumber()) {
                        return Timestamps.fromEpochSeconds(node.decimalValue());
                    }
                    if (node.isTextual()) {
                        return Timestamps.parse(node.asText());
                    }
                } catch (RuntimeException e) {
                    throw typeMismatch(path, "a timestamp", node);
                }
                throw typeMismatch(path, "a timestamp", node);
            }
            case BLOB -> {
                if (!node.isTextual()) {
                    throw typeMismatch(path, "base64 text", node);
                }
                try {
                    return Base64.getDecoder().decode(node.asText());
                } catch (IllegalArgumentException e) {
                    throw typeMismatch(path, "base64 text", node);
                }
            }
            default -> throw new IllegalStateException("unhandled shape type " + shape.type());
        }
    }

    private static void checkLength(Shape shape, long length, JsonNode node, String path, List<String> violations) {
        if (shape.min() != null && length < shape.min()) {
            violations.add("Value '" + render(node) + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + shape.min());
        }
        if (shape.max() != null && length > shape.max()) {
            violations.add("Value '" + render(node) + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + shape.max());
        }
    }

    private static String render(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private Pattern pattern(Shape shape) {
        if (shape.pattern() == null) {
            return null;
        }
        Pattern compiled = patterns.computeIfAbsent(shape.name(), name -> {
            try {
                return Pattern.compile(shape.pattern());
            } catch (PatternSyntaxException unusableInJava) {
                // A model pattern Java cannot compile is not checked rather than rejecting valid input.
                return Pattern.compile("(?s).*");
            }
        });
        return compiled;
    }

    private static AwsServiceException typeMismatch(String path, String expected, JsonNode node) {
        return AwsServiceException.sender("SerializationException",
                "Value at '" + path + "' must be " + expected + ", got " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                        + " " + render(node) + ".");
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    // ---- responses -------------------------------------------------------------------------------

    @Override
    public WireResponse success(Operation operation, Map<String, Object> output, String requestId) {
        ObjectNode body = NODES.objectNode();
        if (operation.outputShape() != null) {
            writeMembers(body, model.shape(operation.outputShape()), output == null ? Map.of() : output, operation.name() + " output");
        } else if (output != null && !output.isEmpty()) {
            throw new IllegalStateException(operation.name() + " has no output shape but the service returned " + output.keySet());
        }
        return WireResponse.of(200, contentType, requestId, write(body));
    }

    private void writeMembers(ObjectNode node, Shape shape, Map<String, Object> value, String path) {
        for (String key : value.keySet()) {
            if (shape.member(key) == null) {
                throw new IllegalStateException(path + ": '" + key + "' is not a member of " + shape.name()
                        + " (members: " + shape.members().keySet() + ")");
            }
        }
        for (Member member : shape.members().values()) {
            Object memberValue = value.get(member.name());
            if (memberValue != null) {
                node.set(member.wireName(), toJson(model.shape(member.shape()), memberValue, path + "." + member.name()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private JsonNode toJson(Shape shape, Object value, String path) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode node = NODES.objectNode();
                writeMembers(node, shape, QueryProtocol.expect(value, Map.class, shape, path), path);
                yield node;
            }
            case LIST -> {
                ArrayNode array = NODES.arrayNode();
                Shape itemShape = model.shape(shape.listMember().shape());
                for (Object item : QueryProtocol.expect(value, List.class, shape, path)) {
                    array.add(toJson(itemShape, item, path + "[]"));
                }
                yield array;
            }
            case MAP -> {
                ObjectNode node = NODES.objectNode();
                Shape valueShape = model.shape(shape.mapValue().shape());
                for (Map.Entry<String, Object> entry : ((Map<String, Object>) QueryProtocol.expect(value, Map.class, shape, path)).entrySet()) {
                    node.set(entry.getKey(), toJson(valueShape, entry.getValue(), path + "{}"));
                }
                yield node;
            }
            case STRING -> NODES.textNode(QueryProtocol.expect(value, String.class, shape, path));
            case INTEGER, LONG -> NODES.numberNode(Long.parseLong(QueryProtocol.scalarText(shape, value, path)));
            case DOUBLE, FLOAT -> NODES.numberNode(QueryProtocol.expect(value, Number.class, shape, path).doubleValue());
            case BOOLEAN -> NODES.booleanNode(QueryProtocol.expect(value, Boolean.class, shape, path));
            case TIMESTAMP -> DecimalNode.valueOf(Timestamps.toEpochSeconds(QueryProtocol.expect(value, Instant.class, shape, path)));
            case BLOB -> NODES.textNode(Base64.getEncoder().encodeToString(QueryProtocol.expect(value, byte[].class, shape, path)));
        };
    }

    @Override
    public WireResponse error(AwsServiceException error, String requestId) {
        ObjectNode body = NODES.objectNode();
        body.put("__type", error.code());
        body.put("message", error.getMessage() == null ? "" : error.getMessage());
        return WireResponse.of(error.httpStatus(), contentType, requestId, write(body));
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Override
    public AwsServiceException throttlingError() {
        return new AwsServiceException("ThrottlingException", 400, true, "Rate exceeded");
    }

    @Override
    public AwsServiceException internalError(String message) {
        return new AwsServiceException("InternalFailure", 500, false, message);
    }

    @Override
    public AwsServiceException serviceUnavailableError() {
        return new AwsServiceException("ServiceUnavailable", 503, false,
                "The request has failed due to a temporary failure of the server.");
    }
}
