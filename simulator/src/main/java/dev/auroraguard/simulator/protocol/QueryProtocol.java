package dev.auroraguard.simulator.protocol;

import dev.auroraguard.simulator.protocol.ServiceModel.Member;
import dev.auroraguard.simulator.protocol.ServiceModel.Operation;
import dev.auroraguard.simulator.protocol.ServiceModel.Shape;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The AWS Query protocol (RDS): form-encoded {@code Action=...&Version=...} requests, XML answers.
 *
 * <p>List parameters arrive as {@code Name.<member locationName>.N} (botocore and SDK v2 both send
 * {@code Tags.Tag.1.Key}, {@code Filters.Filter.1.Values.Value.2}); the generic {@code Name.member.N}
 * form is accepted too, and {@code Name=} (empty value) is an empty list.
 */
public final class QueryProtocol implements WireProtocol {

    static final DateTimeFormatter XML_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ServiceModel model;

    public QueryProtocol(ServiceModel model) {
        if (!"query".equals(model.protocol())) {
            throw new IllegalArgumentException(model.name() + " is a " + model.protocol() + " service, not query");
        }
        this.model = model;
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    /** True when the request looks like a Query call: an {@code Action} in a form body or the query string. */
    public static boolean looksLikeQuery(WireRequest request) {
        return formParameters(request).containsKey("Action");
    }

    @Override
    public Operation operation(WireRequest request) {
        Map<String, String> params = formParameters(request);
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw AwsServiceException.sender("MissingAction", "No action was supplied with this request.");
        }
        String version = params.get("Version");
        if (version != null && !version.equals(model.apiVersion())) {
            throw AwsServiceException.sender("NoSuchVersion", "The requested version (" + version + ") of service "
                    + model.serviceId() + " does not exist.");
        }
        return model.operation(action).orElseThrow(() -> AwsServiceException.sender("InvalidAction",
                "The action " + action + " is not valid for this web service."));
    }

    @Override
    public Map<String, Object> parseInput(Operation operation, WireRequest request) {
        Map<String, String> params = formParameters(request);
        if (!params.containsKey("Version")) {
            throw AwsServiceException.sender("MissingParameter", "The request must contain the parameter Version");
        }
        if (operation.inputShape() == null) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> input = structure(model.shape(operation.inputShape()), "", params);
        return input == null ? new LinkedHashMap<>() : input;
    }

    // ---- request parsing -------------------------------------------------------------------------

    static Map<String, String> formParameters(WireRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        decodeInto(request.rawQuery(), params);
        String contentType = request.header("Content-Type");
        if (request.body().length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
            decodeInto(request.bodyText(), params);
        }
        return params;
    }

    private static void decodeInto(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    /** The structure under {@code prefix} (empty for the top level, else ending in '.'), or null when absent. */
    private Map<String, Object> structure(Shape shape, String prefix, Map<String, String> params) {
        if (!prefix.isEmpty() && !hasKeyUnder(params, prefix)) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Member member : shape.members().values()) {
            Object value = value(model.shape(member.shape()), member.flattened(), prefix + member.wireName(), params);
            if (value != null) {
                result.put(member.name(), value);
            }
        }
        for (String required : shape.required()) {
            if (!result.containsKey(required)) {
                throw AwsServiceException.sender("MissingParameter",
                        "The request must contain the parameter " + prefix + shape.member(required).wireName());
            }
        }
        return result;
    }

    private Object value(Shape shape, boolean memberFlattened, String key, Map<String, String> params) {
        return switch (shape.type()) {
            case STRUCTURE -> structure(shape, key + ".", params);
            case LIST -> list(shape, memberFlattened || shape.flattened(), key, params);
            case MAP -> map(shape, memberFlattened || shape.flattened(), key, params);
            default -> {
                String raw = params.get(key);
                yield raw == null ? null : scalar(shape, key, raw);
            }
        };
    }

    private List<Object> list(Shape shape, boolean flattened, String key, Map<String, String> params) {
        Member member = shape.listMember();
        Shape memberShape = model.shape(member.shape());
        List<String> prefixes = new ArrayList<>();
        if (flattened) {
            prefixes.add(key + ".");
        } else {
            prefixes.add(key + "." + member.wireName() + ".");
            if (!"member".equals(member.wireName())) {
                prefixes.add(key + ".member.");
            }
        }
        for (String prefix : prefixes) {
            TreeSet<Integer> indexes = indexesUnder(params, prefix);
            if (!indexes.isEmpty()) {
                List<Object> items = new ArrayList<>();
                for (int index : indexes) {
                    Object item = value(memberShape, false, prefix + index, params);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return items;
            }
        }
        return params.containsKey(key) && params.get(key).isEmpty() ? new ArrayList<>() : null;
    }

    private Map<String, Object> map(Shape shape, boolean flattened, String key, Map<String, String> params) {
        String entryPrefix = flattened ? key + "." : key + ".entry.";
        TreeSet<Integer> indexes = indexesUnder(params, entryPrefix);
        if (indexes.isEmpty()) {
            return params.containsKey(key) && params.get(key).isEmpty() ? new LinkedHashMap<>() : null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (int index : indexes) {
            String entry = entryPrefix + index + ".";
            String mapKey = params.get(entry + shape.mapKey().wireName());
            if (mapKey == null) {
                throw AwsServiceException.sender("MissingParameter",
                        "The request must contain the parameter " + entry + shape.mapKey().wireName());
            }
            Object mapValue = value(model.shape(shape.mapValue().shape()), false, entry + shape.mapValue().wireName(), params);
            result.put(mapKey, mapValue);
        }
        return result;
    }

    private static boolean hasKeyUnder(Map<String, String> params, String prefix) {
        for (String key : params.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static TreeSet<Integer> indexesUnder(Map<String, String> params, String prefix) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : params.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                String number = dot < 0 ? rest : rest.substring(0, dot);
                try {
                    int index = Integer.parseInt(number);
                    if (index >= 1) {
                        indexes.add(index);
                    }
                } catch (NumberFormatException notAnIndex) {
                    throw AwsServiceException.sender("InvalidParameterValue",
                            "Invalid list index '" + number + "' in parameter " + key);
                }
            }
        }
        return indexes;
    }

    private static Object scalar(Shape shape, String key, String raw) {
        try {
            return switch (shape.type()) {
                case STRING -> raw;
                case INTEGER -> Integer.valueOf(raw.trim());
                case LONG -> Long.valueOf(raw.trim());
                case DOUBLE, FLOAT -> Double.valueOf(raw.trim());
                case BOOLEAN -> {
                    if ("true".equalsIgnoreCase(raw.trim())) {
                        yield Boolean.TRUE;
                    }
                    if ("false".equalsIgnoreCase(raw.trim())) {
                        yield Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("not a boolean");
                }
                case TIMESTAMP -> Timestamps.parse(raw.trim());
                case BLOB -> Base64.getDecoder().decode(raw);
                default -> throw new IllegalStateException("not a scalar shape: " + shape.name());
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw AwsServiceException.sender("InvalidParameterValue",
                    "Invalid value '" + raw + "' for parameter " + key + ": expected " + expected(shape) + ".");
        }
    }

    private static String expected(Shape shape) {
        return switch (shape.type()) {
            case INTEGER -> "an integer";
            case LONG -> "a long integer";
            case DOUBLE, FLOAT -> "a number";
            case BOOLEAN -> "true or false";
            case TIMESTAMP -> "an ISO 8601 timestamp";
            case BLOB -> "base64-encoded data";
            default -> "a " + shape.type().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    // ---- responses -------------------------------------------------------------------------------

    @Override
    public WireResponse success(Operation operation, Map<String, Object> output, String requestId) {
        XmlWriter xml = new XmlWriter();
        xml.open(operation.name() + "Response", model.xmlNamespace());
        if (operation.outputShape() != null) {
            Shape shape = model.shape(operation.outputShape());
            String wrapper = operation.resultWrapper() != null ? operation.resultWrapper() : operation.name() + "Result";
            xml.open(wrapper, null);
            writeMembers(xml, shape, output == null ? Map.of() : output, operation.name() + " output");
            xml.close(wrapper);
        } else if (output != null && !output.isEmpty()) {
            throw new IllegalStateException(operation.name() + " has no output shape but the service returned " + output.keySet());
        }
        xml.open("ResponseMetadata", null);
        xml.element("RequestId", requestId);
        xml.close("ResponseMetadata");
        xml.close(operation.name() + "Response");
        return WireResponse.of(200, "text/xml", requestId, xml.toString());
    }

    private void writeMembers(XmlWriter xml, Shape shape, Map<String, Object> value, String path) {
        for (String key : value.keySet()) {
            if (shape.member(key) == null) {
                throw new IllegalStateException(path + ": '" + key + "' is not a member of " + shape.name()
                        + " (members: " + shape.members().keySet() + ")");
            }
        }
        for (Member member : shape.members().values()) {
            Object memberValue = value.get(member.name());
            if (memberValue != null) {
                writeValue(xml, member.wireName(), model.shape(member.shape()), member.flattened(), memberValue,
                        path + "." + member.name());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void writeValue(XmlWriter xml, String element, Shape shape, boolean memberFlattened, Object value, String path) {
        switch (shape.type()) {
            case STRUCTURE -> {
                xml.open(element, null);
                writeMembers(xml, shape, expect(value, Map.class, shape, path), path);
                xml.close(element);
            }
            case LIST -> {
                List<Object> items = expect(value, List.class, shape, path);
                Shape itemShape = model.shape(shape.listMember().shape());
                if (memberFlattened || shape.flattened()) {
                    for (Object item : items) {
                        writeValue(xml, element, itemShape, false, item, path + "[]");
                    }
                } else {
                    xml.open(element, null);
                    String itemElement = shape.listMember().locationName() != null ? shape.listMember().locationName() : "member";
                    for (Object item : items) {
                        writeValue(xml, itemElement, itemShape, false, item, path + "[]");
                    }
                    xml.close(element);
                }
            }
            case MAP -> {
                Map<String, Object> entries = expect(value, Map.class, shape, path);
                boolean flattened = memberFlattened || shape.flattened();
                if (!flattened) {
                    xml.open(element, null);
                }
                for (Map.Entry<String, Object> entry : entries.entrySet()) {
                    String entryElement = flattened ? element : "entry";
                    xml.open(entryElement, null);
                    xml.element(shape.mapKey().wireName(), entry.getKey());
                    writeValue(xml, shape.mapValue().wireName(), model.shape(shape.mapValue().shape()), false,
                            entry.getValue(), path + "{}");
                    xml.close(entryElement);
                }
                if (!flattened) {
                    xml.close(element);
                }
            }
            default -> xml.element(element, scalarText(shape, value, path));
        }
    }

    static String scalarText(Shape shape, Object value, String path) {
        return switch (shape.type()) {
            case STRING -> expect(value, String.class, shape, path);
            case INTEGER, LONG -> {
                Number number = expect(value, Number.class, shape, path);
                if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
                    throw new IllegalStateException(path + ": " + shape.name() + " needs a whole number, got " + value);
                }
                yield number.toString();
            }
            case DOUBLE, FLOAT -> BigDecimal.valueOf(expect(value, Number.class, shape, path).doubleValue()).toPlainString();
            case BOOLEAN -> expect(value, Boolean.class, shape, path).toString();
            case TIMESTAMP -> XML_TIMESTAMP.format(expect(value, Instant.class, shape, path));
            case BLOB -> Base64.getEncoder().encodeToString(expect(value, byte[].class, shape, path));
            default -> throw new IllegalStateException(path + ": not a scalar shape " + shape.name());
        };
    }

    static <T> T expect(Object value, Class<T> type, Shape shape, String path) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException(path + ": shape " + shape.name() + " (" + shape.type() + ") needs a "
                    + type.getSimpleName() + ", the service returned " + value.getClass().getName() + " " + value);
        }
        return type.cast(value);
    }

    @Override
    public WireResponse error(AwsServiceException error, String requestId) {
        XmlWriter xml = new XmlWriter();
        xml.open("ErrorResponse", model.xmlNamespace());
        xml.open("Error", null);
        xml.element("Type", error.senderFault() ? "Sender" : "Receiver");
        xml.element("Code", error.code());
        xml.element("Message", error.getMessage() == null ? "" : error.getMessage());
        xml.close("Error");
        xml.element("RequestId", requestId);
        xml.close("ErrorResponse");
        return WireResponse.of(error.httpStatus(), "text/xml", requestId, xml.toString());
    }

    @Override
    public AwsServiceException throttlingError() {
        return new AwsServiceException("Throttling", 400, true, "Rate exceeded");
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
