package dev.auroraguard.simulator.rds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** RDS's tag rules and the {@code TagList} shape. */
final class RdsTags {

    /** RDS allows up to 50 tags per resource. */
    static final int MAX_TAGS_PER_RESOURCE = 50;

    private static final Pattern ALLOWED = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private RdsTags() {
    }

    static void checkTag(String key, String value) {
        if (key.length() > 128) {
            throw RdsFaults.invalidParameterValue("Tag keys must be between 1 and 128 characters long: " + key);
        }
        if (key.startsWith("aws:") || key.startsWith("rds:")) {
            throw RdsFaults.invalidParameterValue("Tag keys can't be prefixed with aws: or rds: (" + key + ").");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw RdsFaults.invalidParameterValue("Tag key " + key + " contains characters that aren't allowed.");
        }
        if (value != null) {
            if (value.length() > 256) {
                throw RdsFaults.invalidParameterValue("Tag values must be at most 256 characters long (key " + key + ").");
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw RdsFaults.invalidParameterValue("Tag value for key " + key + " contains characters that aren't allowed.");
            }
        }
    }

    /** Refuses a tag set that would exceed RDS's per-resource limit once merged. */
    static void checkCount(Map<String, String> existing, Map<String, String> added) {
        LinkedHashMap<String, String> merged = new LinkedHashMap<>(existing);
        merged.putAll(added);
        if (merged.size() > MAX_TAGS_PER_RESOURCE) {
            throw RdsFaults.invalidParameterValue("A resource can have at most " + MAX_TAGS_PER_RESOURCE
                    + " tags; this request would give it " + merged.size() + ".");
        }
    }

    static List<Object> tagList(Map<String, String> tags) {
        List<Object> list = new ArrayList<>();
        tags.forEach((key, value) -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", key);
            tag.put("Value", value);
            list.add(tag);
        });
        return list;
    }
}
