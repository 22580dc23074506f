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
    /** Pre-deploy snapshots: the label the pipeline or CI gave the release, e.g. {@code release-42}. */
    public static final String LABEL = PREFIX + "label";
    /** Pre-deploy snapshots: the CodePipeline job that started the action. */
    public static final String PIPELINE_JOB = PREFIX + "pipeline-job";
    /** Pre-deploy snapshots: who asked, as a CI request names itself. */
    public static final String REQUESTER = PREFIX + "requester";
    /** Set by a person on a snapshot that retention must never delete (see {@code lambdas/RETENTION.md}). */
    public static final String RETAIN = PREFIX + "retain";
    public static final String TRUE = "true";

    // Restored clusters (point-in-time-restore writes these in the restore call; restore-progress adds the outcome).
    /** {@value #KIND} of a restored cluster. */
    public static final String KIND_RESTORE = "restore";
    /** The source cluster's identifier. */
    public static final String RESTORED_FROM = PREFIX + "restored-from";
    /** The instant restored to (for a snapshot: the snapshot's creation time), ISO-8601 UTC. */
    public static final String RESTORE_TIME = PREFIX + "restore-time";
    /** The snapshot restored from, for restores from a snapshot. */
    public static final String RESTORED_FROM_SNAPSHOT = PREFIX + "restored-from-snapshot";
    public static final String RESTORE_TYPE = PREFIX + "restore-type";
    public static final String RESTORE_REASON = PREFIX + "restore-reason";
    public static final String RESTORE_REQUESTED_BY = PREFIX + "restore-requested-by";
    /** {@code request} or {@code alarm}. */
    public static final String RESTORE_ORIGIN = PREFIX + "restore-origin";
    /** When the trigger happened: elapsed time counts from here. */
    public static final String RESTORE_REQUESTED_AT = PREFIX + "restore-requested-at";
    /** The triggering event's reference. */
    public static final String RESTORE_REQUEST = PREFIX + "restore-request";
    /** {@code restore-instance-1} (the writer), {@code -2}, ...: the planned instances, see PlannedInstance. */
    public static final String RESTORE_INSTANCE_PREFIX = PREFIX + "restore-instance-";
    /** When Restore Completed was published. */
    public static final String RESTORE_COMPLETED = PREFIX + "restore-completed";
    /** When the restore failed for good, and the step that failed. */
    public static final String RESTORE_FAILED = PREFIX + "restore-failed";
    public static final String RESTORE_FAILED_STEP = PREFIX + "restore-failed-step";
    /** When the application parameter was pointed at this cluster, and the parameter's version before. */
    public static final String CUTOVER = PREFIX + "cutover";
    public static final String CUTOVER_PREVIOUS_VERSION = PREFIX + "cutover-previous-version";
    /** RDS allows at most 256 characters in a tag value. */
    public static final int MAX_TAG_VALUE_LENGTH = 256;

    /** The default tag that opts a cluster in to scheduled snapshots. */
    public static final String DEFAULT_SELECTION = PREFIX + "backup=" + TRUE;

    public static final String RESERVED_AWS_PREFIX = "aws:";
    /** RDS allows at most 50 tags on a resource. */
    public static final int MAX_TAGS_PER_RESOURCE = 50;
    /** The characters RDS allows in a tag value: letters, digits, white space and {@code _ . : / = + - @}. */
    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

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

    /**
     * The tags a new pre-deploy snapshot carries: managed, kind {@code pre-deploy}, the trigger (the request's
     * reference), and the label, pipeline job and requester when known; then the copyable cluster tags, as
     * for {@link #forNewSnapshot}.
     */
    public static NewSnapshotTags forPreDeploySnapshot(String triggerReference, java.util.Optional<String> label,
                                                       java.util.Optional<String> pipelineJobId,
                                                       java.util.Optional<String> requester,
                                                       Map<String, String> clusterTagsToCopy) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(MANAGED, TRUE);
        tags.put(KIND, SnapshotKind.PRE_DEPLOY.word());
        tags.put(TRIGGER, triggerReference);
        label.ifPresent(value -> tags.put(LABEL, value));
        pipelineJobId.ifPresent(value -> tags.put(PIPELINE_JOB, value));
        requester.ifPresent(value -> tags.put(REQUESTER, value));
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

    /** Why RDS would refuse {@code value} as a tag value, or empty when it is acceptable. */
    public static java.util.Optional<String> valueProblem(String value) {
        if (value.length() > MAX_TAG_VALUE_LENGTH) {
            return java.util.Optional.of("is " + value.length() + " characters long (at most " + MAX_TAG_VALUE_LENGTH + ")");
        }
        if (!VALUE.matcher(value).matches()) {
            return java.util.Optional.of("contains characters RDS does not allow in a tag value (allowed: letters, digits,"
                    + " spaces and _ . : / = + - @)");
        }
        return java.util.Optional.empty();
    }

    /**
     * Free text (a reason, a requester) as a valid RDS tag value: characters RDS refuses in tag values
     * (anything but letters, digits, white space and {@code _ . : / = + - @}) become spaces, runs of white
     * space one space, and text beyond 256 characters is cut with {@code ...}.
     */
    public static String tagValue(String text) {
        String cleaned = text.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", " ").replaceAll("\\s+", " ").trim();
        return cleaned.length() <= MAX_TAG_VALUE_LENGTH ? cleaned : cleaned.substring(0, MAX_TAG_VALUE_LENGTH - 3) + "...";
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
