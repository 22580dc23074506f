package dev.auroraguard.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every tag key and value aurora-guard reads or writes, in one place.
 *
 * <table>
 *   <caption>Tags on snapshots aurora-guard creates</caption>
 *   <tr><th>Key</th><th>Value</th><th>Written</th></tr>
 *   <tr><td>{@value #MANAGED}</td><td>{@value #TRUE}</td><td>in the create call</td></tr>
 *   <tr><td>{@value #KIND}</td><td>{@code scheduled}</td><td>in the create call</td></tr>
 *   <tr><td>{@value #TRIGGER}</td><td>the trigger's reference (EventBridge event id)</td><td>in the create call</td></tr>
 *   <tr><td>{@value #SLOT}</td><td>the scheduled slot, ISO-8601 UTC</td><td>in the create call</td></tr>
 *   <tr><td>{@value #AVAILABLE_SEEN}</td><td>when the periodic check first saw it available, unannounced</td><td>by snapshot-available</td></tr>
 *   <tr><td>{@value #ANNOUNCED}</td><td>when its Snapshot Available event was published</td><td>by snapshot-available</td></tr>
 *   <tr><td>{@value #RETAIN}</td><td>any value but {@code false}: keep it whatever the retention policy says</td><td>by a person</td></tr>
 * </table>
 *
 * <p>Copied cluster tags never include the reserved {@code aws:} keys (AWS refuses them) nor any
 * {@code aurora-guard:} key (a cluster's own selection tag must not be mistaken for ours).
 */
public final class TagScheme {

    public static final String PREFIX = "aurora-guard:";
    public static final String MANAGED = PREFIX + "managed";
    public static final String KIND = PREFIX + "kind";
    public static final String TRIGGER = PREFIX + "trigger";
    public static final String SLOT = PREFIX + "slot";
    public static final String AVAILABLE_SEEN = PREFIX + "available-seen";
    public static final String ANNOUNCED = PREFIX + "announced";
    /** Set by a person on a snapshot that retention must never delete (see {@code lambdas/RETENTION.md}). */
    public static final String RETAIN = PREFIX + "retain";
    public static final String TRUE = "true";

    /** The default tag that opts a cluster in to scheduled snapshots. */
    public static final String DEFAULT_SELECTION = PREFIX + "backup=" + TRUE;

    public static final String RESERVED_AWS_PREFIX = "aws:";
    /** RDS allows at most 50 tags on a resource. */
    public static final int MAX_TAGS_PER_RESOURCE = 50;

    private TagScheme() {
    }

    public static boolean isManaged(Map<String, String> tags) {
        return TRUE.equals(tags.get(MANAGED));
    }

    /**
     * The tags a new snapshot carries: ours first, then the copyable cluster tags by key, as many as
     * the 50-tag limit leaves room for; the keys that did not fit are reported, not silently lost.
     */
    public static NewSnapshotTags forNewSnapshot(SnapshotKind kind, String triggerReference, ScheduledSlot slot,
                                                 Map<String, String> clusterTagsToCopy) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(MANAGED, TRUE);
        tags.put(KIND, kind.word());
        tags.put(TRIGGER, triggerReference);
        tags.put(SLOT, slot.toString());
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, String> tag : new TreeMap<>(clusterTagsToCopy).entrySet()) {
            if (!isCopyable(tag.getKey())) {
                continue;
            }
            if (tags.size() < MAX_TAGS_PER_RESOURCE) {
                tags.put(tag.getKey(), tag.getValue());
            } else {
                dropped.add(tag.getKey());
            }
        }
        return new NewSnapshotTags(tags, dropped);
    }

    /** Whether a cluster tag may be copied to a snapshot. */
    public static boolean isCopyable(String key) {
        return !key.startsWith(RESERVED_AWS_PREFIX) && !key.startsWith(PREFIX);
    }

    /**
     * @param tags        the tags to set in the create call, in order
     * @param droppedKeys cluster tag keys that did not fit under the 50-tag limit
     */
    public record NewSnapshotTags(Map<String, String> tags, List<String> droppedKeys) {
        public NewSnapshotTags {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
            droppedKeys = List.copyOf(droppedKeys);
        }
    }
}
