package dev.auroraguard.simulator.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SSM Parameter Store's {@code GetParameter} and {@code PutParameter} (AWS JSON 1.1, target
 * {@code AmazonSSM}), with the behaviour applications rely on: every put of an existing parameter needs
 * {@code Overwrite} ({@code ParameterAlreadyExists} otherwise) and adds a version; {@code GetParameter}
 * answers {@code ParameterNotFound} for an unknown name and accepts {@code name:version} selectors (the
 * history of values is kept: that is what makes a change undoable); a parameter's type can't change on
 * overwrite; a {@code SecureString} is returned as it was stored only {@code WithDecryption}; at most
 * 100 versions are kept (the oldest goes, as SSM does for unlabelled versions). Names may be plain
 * ({@code orders-db-endpoint}) or paths ({@code /orders/db/endpoint}, at most 15 levels).
 */
public final class SsmParameterStore implements StatefulService {

    static final int MAX_VERSIONS = 100;
    static final int MAX_HIERARCHY_LEVELS = 15;
    static final int STANDARD_VALUE_LIMIT = 4096;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One stored version of a parameter. */
    private record Version(long version, String type, String value, String dataType, Instant lastModified, String description) {
    }

    private final ServiceModel model;
    private final SimClock clock;
    private final String accountId;
    private final String region;
    private final Map<String, List<Version>> parameters = new TreeMap<>();

    public SsmParameterStore(ServiceModel model, SimClock clock, String accountId, String region) {
        if (!ServiceModel.SSM.equals(model.name())) {
            throw new IllegalArgumentException("the SSM simulator needs the " + ServiceModel.SSM + " model, not " + model.name());
        }
        this.model = model;
        this.clock = clock;
        this.accountId = accountId;
        this.region = region;
    }

    @Override
    public synchronized Map<String, Object> handle(String operation, Map<String, Object> input) {
        return switch (operation) {
            case "GetParameter" -> getParameter(input);
            case "PutParameter" -> putParameter(input);
            default -> throw AwsServiceException.sender("UnsupportedOperation", "The simulator's SSM implements GetParameter and"
                    + " PutParameter, not " + operation + ".");
        };
    }

    /** The current value of a parameter, for tests and the demo; empty when there is none. */
    public synchronized Optional<String> value(String name) {
        List<Version> versions = parameters.get(normalize(name));
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1).value());
    }

    /** How many versions a parameter has (0 when there is none). */
    public synchronized int versionCount(String name) {
        List<Version> versions = parameters.get(normalize(name));
        return versions == null ? 0 : versions.size();
    }

    public String parameterArn(String name) {
        String normalized = normalize(name);
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + (normalized.startsWith("/") ? "" : "/") + normalized;
    }

    // ---- operations --------------------------------------------------------------------------------

    private Map<String, Object> getParameter(Map<String, Object> input) {
        String requested = (String) input.get("Name");
        boolean decrypt = Boolean.TRUE.equals(input.get("WithDecryption"));
        String name = requested;
        Long selectedVersion = null;
        int colon = requested.lastIndexOf(':');
        if (colon > 0 && !requested.startsWith("arn:")) {
            name = requested.substring(0, colon);
            String selector = requested.substring(colon + 1);
            try {
                selectedVersion = Long.parseLong(selector);
            } catch (NumberFormatException e) {
                // Labels are not simulated: a selector that isn't a version number names no parameter version.
                throw model.fault("ParameterVersionNotFound", "Systems Manager could not find version " + selector
                        + " of " + name + ". Verify the version and try again.");
            }
        }
        List<Version> versions = parameters.get(normalize(name));
        if (versions == null) {
            throw model.fault("ParameterNotFound", "Parameter " + requested + " not found.");
        }
        Version version = versions.get(versions.size() - 1);
        if (selectedVersion != null) {
            long wanted = selectedVersion;
            version = versions.stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() -> model.fault(
                    "ParameterVersionNotFound", "Systems Manager could not find version " + wanted + " of " + requested
                            + ". Verify the version and try again."));
        }
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("Name", normalize(name));
        parameter.put("Type", version.type());
        parameter.put("Value", version.type().equals("SecureString") && !decrypt ? encrypted(version.value()) : version.value());
        parameter.put("Version", version.version());
        if (selectedVersion != null) {
            parameter.put("Selector", ":" + selectedVersion);
        }
        parameter.put("LastModifiedDate", version.lastModified());
        parameter.put("ARN", parameterArn(name));
        parameter.put("DataType", version.dataType());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Parameter", parameter);
        return output;
    }

    private Map<String, Object> putParameter(Map<String, Object> input) {
        String name = normalize((String) input.get("Name"));
        String value = (String) input.get("Value");
        String type = (String) input.get("Type");
        boolean overwrite = Boolean.TRUE.equals(input.get("Overwrite"));
        String dataType = (String) input.getOrDefault("DataType", "text");
        String tier = (String) input.getOrDefault("Tier", "Standard");
        checkName(name);
        if (value.isEmpty()) {
            throw AwsServiceException.sender("ValidationException", "1 validation error detected: Value '' at 'value' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (!tier.equals("Advanced") && value.length() > STANDARD_VALUE_LIMIT) {
            throw AwsServiceException.sender("ValidationException", "Standard tier parameters support a maximum parameter value of "
                    + STANDARD_VALUE_LIMIT + " characters. To create a larger parameter value, upgrade the parameter to use the"
                    + " advanced-parameter tier.");
        }
        if (!dataType.equals("text") && !dataType.equals("aws:ec2:image") && !dataType.equals("aws:ssm:integration")) {
            throw AwsServiceException.sender("ValidationException", "The following data type is not supported: " + dataType
                    + " (Data type names are all lowercase.)");
        }
        String allowedPattern = (String) input.get("AllowedPattern");
        if (allowedPattern != null && !value.matches(allowedPattern)) {
            throw model.fault("ParameterPatternMismatchException", "Parameter value, cannot be validated against allowedPattern: "
                    + allowedPattern);
        }
        List<Version> versions = parameters.get(name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (versions == null) {
            if (type == null) {
                throw AwsServiceException.sender("ValidationException", "A parameter type is required when you create a parameter.");
            }
            versions = new ArrayList<>();
            parameters.put(name, versions);
        } else {
            if (!overwrite) {
                throw model.fault("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the"
                        + " overwrite option in the request to true.");
            }
            Version current = versions.get(versions.size() - 1);
            if (type != null && !type.equals(current.type())) {
                throw model.fault("HierarchyTypeMismatchException", "The parameter type can't be changed from "
                        + current.type() + " to " + type + ".");
            }
            type = current.type();
            if (versions.size() >= MAX_VERSIONS) {
                // SSM deletes the oldest version to make room, unless it has a label; labels are not simulated.
                versions.remove(0);
            }
        }
        long next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        versions.add(new Version(next, type, value, dataType, now, (String) input.get("Description")));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Version", next);
        output.put("Tier", tier.equals("Intelligent-Tiering") ? "Standard" : tier);
        return output;
    }

    private void checkName(String name) {
        String lower = (name.startsWith("/") ? name.substring(1) : name).toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            throw AwsServiceException.sender("ValidationException", "Parameter name: can't be prefixed with \"aws\" or \"ssm\""
                    + " (case-insensitive).");
        }
        if (!name.matches("[a-zA-Z0-9_.\\-/]+")) {
            throw AwsServiceException.sender("ValidationException", "Parameter name must only contain letters, numbers and the"
                    + " symbols _.-/ : " + name);
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw AwsServiceException.sender("ValidationException", "Parameter name must be a fully qualified name: a name with"
                    + " a hierarchy begins with a forward slash (/).");
        }
        long levels = name.chars().filter(c -> c == '/').count();
        if (levels > MAX_HIERARCHY_LEVELS) {
            throw model.fault("HierarchyLevelLimitExceededException", "Parameter name " + name + " has more than "
                    + MAX_HIERARCHY_LEVELS + " levels of hierarchy.");
        }
    }

    /** A parameter ARN names the parameter too. */
    private String normalize(String nameOrArn) {
        String marker = ":parameter";
        if (nameOrArn.startsWith("arn:") && nameOrArn.contains(marker)) {
            String rest = nameOrArn.substring(nameOrArn.indexOf(marker) + marker.length());
            // arn:...:parameter/name names "name"; arn:...:parameter/a/b names "/a/b".
            String withoutSlash = rest.startsWith("/") ? rest.substring(1) : rest;
            return withoutSlash.contains("/") ? "/" + withoutSlash : withoutSlash;
        }
        return nameOrArn;
    }

    /** What GetParameter shows for a SecureString read without decryption: a ciphertext stand-in. */
    private static String encrypted(String value) {
        return "AQICAH" + java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- state -------------------------------------------------------------------------------------

    @Override
    public void settle() {
        // Parameters have no time-driven transitions.
    }

    @Override
    public synchronized String stateJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode all = root.putObject("parameters");
        parameters.forEach((name, versions) -> {
            ArrayNode array = all.putArray(name);
            for (Version v : versions) {
                ObjectNode node = array.addObject();
                node.put("version", v.version());
                node.put("type", v.type());
                node.put("value", v.value());
                node.put("dataType", v.dataType());
                node.put("lastModified", v.lastModified().toString());
                if (v.description() != null) {
                    node.put("description", v.description());
                }
            }
        });
        return root.toString();
    }

    @Override
    public synchronized void restoreState(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            parameters.clear();
            root.path("parameters").fields().forEachRemaining(entry -> {
                List<Version> versions = new ArrayList<>();
                for (JsonNode node : entry.getValue()) {
                    versions.add(new Version(node.path("version").asLong(), node.path("type").asText(), node.path("value").asText(),
                            node.path("dataType").asText("text"), Instant.parse(node.path("lastModified").asText()),
                            node.hasNonNull("description") ? node.get("description").asText() : null));
                }
                parameters.put(entry.getKey(), versions);
            });
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("saved SSM state is not readable: " + e.getMessage(), e);
        }
    }
}
