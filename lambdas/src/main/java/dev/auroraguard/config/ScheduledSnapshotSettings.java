package dev.auroraguard.config;

import dev.auroraguard.domain.ClusterSelection;
import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.TagSelector;
import dev.auroraguard.domain.UnavailableClusterPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@code scheduled-snapshot} function.
 *
 * @param selection          which clusters a Scheduled Event covers
 * @param copyClusterTags    copy each cluster's own tags to its snapshots
 * @param onUnavailable      what to do with a cluster that is not available
 * @param quotaWarningShare  publish a quota warning when manual cluster snapshot usage reaches this share
 * @param eventBusName       the bus outcome events go to
 */
public record ScheduledSnapshotSettings(ClusterSelection selection, boolean copyClusterTags,
                                        UnavailableClusterPolicy onUnavailable, double quotaWarningShare,
                                        String eventBusName) {

    public static final String CLUSTERS = "SNAPSHOT_CLUSTERS";
    public static final String SELECTION_TAG = "SNAPSHOT_SELECTION_TAG";
    public static final String COPY_CLUSTER_TAGS = "SNAPSHOT_COPY_CLUSTER_TAGS";
    public static final String ON_CLUSTER_UNAVAILABLE = "SNAPSHOT_ON_CLUSTER_UNAVAILABLE";
    public static final String QUOTA_WARNING_SHARE = "SNAPSHOT_QUOTA_WARNING_SHARE";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    /** Writing this as the selection tag turns tag selection off. */
    public static final String NO_SELECTION_TAG = "none";
    public static final double DEFAULT_QUOTA_WARNING_SHARE = 0.8;
    public static final String DEFAULT_EVENT_BUS_NAME = "aurora-guard";

    public ScheduledSnapshotSettings {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(onUnavailable, "onUnavailable");
        Objects.requireNonNull(eventBusName, "eventBusName");
        if (!(quotaWarningShare > 0 && quotaWarningShare <= 1)) {
            throw new IllegalArgumentException("quota warning share must be in (0, 1]: " + quotaWarningShare);
        }
    }

    public static ScheduledSnapshotSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        Optional<ClusterSelection> selection = readSelection(reader);
        boolean copyTags = reader.bool(COPY_CLUSTER_TAGS, false);
        UnavailableClusterPolicy policy = reader.parsed(ON_CLUSTER_UNAVAILABLE, UnavailableClusterPolicy.FAIL,
                text -> UnavailableClusterPolicy.fromWord(text).orElseThrow(IllegalArgumentException::new),
                "'fail' (fail the invocation so Lambda retries) or 'skip' (report and carry on)");
        double share = reader.share(QUOTA_WARNING_SHARE, DEFAULT_QUOTA_WARNING_SHARE);
        String bus = reader.string(EVENT_BUS_NAME, DEFAULT_EVENT_BUS_NAME);
        reader.validate();
        return new ScheduledSnapshotSettings(selection.orElseThrow(), copyTags, policy, share, bus);
    }

    /**
     * The protected clusters: {@value #CLUSTERS} and/or {@value #SELECTION_TAG}. Every function that works
     * on the protected clusters (scheduled snapshots, cleanup) reads the same two variables. Problems are
     * recorded in {@code reader} (call {@link SettingsReader#validate()} before using the result); the
     * selection is empty when none could be built.
     */
    public static Optional<ClusterSelection> readSelection(SettingsReader reader) {
        List<String> clusters = new ArrayList<>();
        for (String id : reader.list(CLUSTERS)) {
            Optional<String> problem = RdsIdentifier.problem(id);
            if (problem.isPresent()) {
                reader.problem(CLUSTERS + " lists '" + id + "', which is not a valid cluster identifier: it " + problem.get());
            } else {
                clusters.add(id);
            }
        }
        Optional<TagSelector> selector = reader.parsed(SELECTION_TAG, Optional.of(TagSelector.parse(TagScheme.DEFAULT_SELECTION)),
                text -> NO_SELECTION_TAG.equalsIgnoreCase(text) ? Optional.empty() : Optional.of(TagSelector.parse(text)),
                "key=value (e.g. " + TagScheme.DEFAULT_SELECTION + ") or '" + NO_SELECTION_TAG + "'");
        if (clusters.isEmpty() && selector.isEmpty() && reader.list(CLUSTERS).isEmpty()) {
            reader.problem("no clusters are selected: set " + CLUSTERS + " (comma-separated cluster identifiers) and/or "
                    + SELECTION_TAG + " (key=value), not '" + NO_SELECTION_TAG + "' with an empty list");
        }
        if (clusters.size() < reader.list(CLUSTERS).size() || (clusters.isEmpty() && selector.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ClusterSelection(clusters, selector));
    }
}
