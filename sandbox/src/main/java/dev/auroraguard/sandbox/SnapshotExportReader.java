package dev.auroraguard.sandbox;

import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code aws rds describe-db-cluster-snapshots --output json} prints: an object whose
 * {@code DBClusterSnapshots} array holds one object per snapshot.
 *
 * <p>Timestamps are accepted as the CLI prints them: AWS CLI v2 by default
 * ({@code cli_timestamp_format = iso8601}) prints {@code 2026-11-24T03:00:12.345000+00:00}, AWS CLI v1
 * and {@code cli_timestamp_format = wire} print the service's {@code 2026-11-24T03:00:12.345Z}; any
 * ISO-8601 date-time with an offset is read, as are epoch seconds.
 *
 * <p>An export that is one page of a longer listing (it carries {@code NextToken} or {@code Marker},
 * as with {@code --max-items} or {@code --no-paginate}) is an incomplete listing.
 */
public final class SnapshotExportReader {

    private static final String SNAPSHOTS = "DBClusterSnapshots";

    private SnapshotExportReader() {
    }

    /**
     * @throws IllegalArgumentException naming the entry and field that cannot be read
     */
    public static SnapshotListing read(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("the snapshots file is not valid JSON: " + e.getMessage());
        }
        if (!(root.get(SNAPSHOTS) instanceof List<?> entries)) {
            throw new IllegalArgumentException("the snapshots file has no \"" + SNAPSHOTS + "\" array; create it with "
                    + "aws rds describe-db-cluster-snapshots --output json > snapshots.json");
        }
        List<ListedSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            snapshots.add(snapshot(entries.get(i), SNAPSHOTS + "[" + i + "]"));
        }
        boolean complete = root.get("NextToken") == null && root.get("Marker") == null;
        return new SnapshotListing(snapshots, complete);
    }

    private static ListedSnapshot snapshot(Object entry, String path) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(path + ": must be an object; got " + Json.typeName(entry));
        }
        String identifier = text(fields, "DBClusterSnapshotIdentifier", path);
        String where = path + " (" + identifier + ")";
        return new ListedSnapshot(
                identifier,
                text(fields, "DBClusterIdentifier", where),
                instant(fields.get("SnapshotCreateTime"), where + ".SnapshotCreateTime"),
                text(fields, "Status", where),
                text(fields, "SnapshotType", where),
                tags(fields.get("TagList"), where + ".TagList"));
    }

    private static String text(Map<?, ?> fields, String name, String path) {
        Object value = fields.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(path + "." + name + ": must be a non-empty string; got "
                    + Json.typeName(value));
        }
        return text;
    }

    private static Instant instant(Object value, String path) {
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + ": \"" + text + "\" is not an ISO-8601 date-time with an "
                        + "offset, such as 2026-11-24T03:00:12.345000+00:00");
            }
        }
        if (value instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        if (value instanceof BigDecimal seconds) {
            return Instant.ofEpochSecond(0).plusNanos(seconds.movePointRight(9).longValueExact());
        }
        throw new IllegalArgumentException(path + ": must be a timestamp; got " + Json.typeName(value));
    }

    private static Map<String, String> tags(Object value, String path) {
        Map<String, String> tags = new HashMap<>();
        if (value == null) {
            return tags;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(path + ": must be an array of {\"Key\",\"Value\"}; got "
                    + Json.typeName(value));
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> tag) || !(tag.get("Key") instanceof String key)) {
                throw new IllegalArgumentException(path + ": every tag needs a string \"Key\"");
            }
            Object tagValue = tag.get("Value");
            tags.put(key, tagValue == null ? "" : tagValue.toString());
        }
        return tags;
    }
}
