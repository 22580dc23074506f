package dev.auroraguard.domain.restore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance a restored cluster gets, recorded on the cluster as a tag when the restore starts so that
 * the reconciler never needs the source again (it may have changed, or be gone).
 *
 * @param ordinal        1 for the writer (created first), 2.. for readers
 * @param instanceClass  e.g. {@code db.r6g.large} or {@code db.serverless}
 * @param parameterGroup the DB parameter group, when the source instance had one
 * @param promotionTier  0..15, as the source instance had it
 */
public record PlannedInstance(int ordinal, String instanceClass, Optional<String> parameterGroup, int promotionTier) {

    public PlannedInstance {
        if (ordinal < 1 || ordinal > 16) {
            throw new IllegalArgumentException("instance ordinal " + ordinal + " is outside 1..16 (a writer and up to 15 readers)");
        }
        Objects.requireNonNull(instanceClass, "instanceClass");
        Objects.requireNonNull(parameterGroup, "parameterGroup");
        if (promotionTier < 0 || promotionTier > 15) {
            throw new IllegalArgumentException("promotion tier " + promotionTier + " is outside 0..15");
        }
    }

    public boolean writer() {
        return ordinal == 1;
    }

    /** The tag value: {@code class=db.r6g.large parameter-group=default.aurora-postgresql16 tier=1} (RDS tag characters only). */
    public String tagValue() {
        return "class=" + instanceClass + parameterGroup.map(p -> " parameter-group=" + p).orElse("") + " tier=" + promotionTier;
    }

    /** Reads a tag value written by {@link #tagValue()}. */
    public static PlannedInstance fromTagValue(int ordinal, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : value.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("instance plan tag '" + value + "' has '" + part + "', not key=value");
            }
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String instanceClass = fields.get("class");
        if (instanceClass == null || instanceClass.isEmpty()) {
            throw new IllegalArgumentException("instance plan tag '" + value + "' names no class");
        }
        int tier;
        try {
            tier = Integer.parseInt(fields.getOrDefault("tier", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instance plan tag '" + value + "' has a tier that is not a number", e);
        }
        return new PlannedInstance(ordinal, instanceClass, Optional.ofNullable(fields.get("parameter-group")), tier);
    }
}
