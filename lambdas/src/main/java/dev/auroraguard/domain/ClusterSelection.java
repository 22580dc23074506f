package dev.auroraguard.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which clusters a run covers: an explicit list, and/or every cluster carrying a selection tag.
 * Listed clusters that do not exist are reported as missing, never silently dropped.
 *
 * @param listed   explicitly listed cluster identifiers, lower case, in configuration order, no duplicates
 * @param tagged   the selection tag, if tag selection is on
 */
public record ClusterSelection(List<String> listed, Optional<TagSelector> tagged) {

    public ClusterSelection {
        Set<String> unique = new LinkedHashSet<>();
        for (String id : listed) {
            unique.add(RdsIdentifier.normalize(id, "cluster identifier"));
        }
        listed = List.copyOf(unique);
        if (listed.isEmpty() && tagged.isEmpty()) {
            throw new IllegalArgumentException("a cluster selection needs listed clusters or a selection tag");
        }
    }

    public static ClusterSelection listed(List<String> ids) {
        return new ClusterSelection(ids, Optional.empty());
    }

    /** Tag selection has to look at every cluster; an explicit list alone only needs those. */
    public boolean needsEveryCluster() {
        return tagged.isPresent();
    }

    /**
     * For the log: the clusters the input named, if it named any (they replace this selection), else this selection.
     */
    public String describe(Optional<List<String>> namedByInput) {
        if (namedByInput.isPresent()) {
            return "named by the input: " + namedByInput.get();
        }
        List<String> parts = new ArrayList<>();
        if (!listed.isEmpty()) {
            parts.add("listed: " + listed);
        }
        tagged.ifPresent(t -> parts.add("tagged: " + t));
        return String.join(", ", parts);
    }

    /**
     * Applies the selection to the clusters RDS described: listed clusters first (in list order), then
     * the tagged ones by identifier; a cluster both listed and tagged appears once.
     */
    public Selected apply(Collection<Cluster> described) {
        Map<String, Cluster> byId = new LinkedHashMap<>();
        for (Cluster cluster : described) {
            byId.put(cluster.id(), cluster);
        }
        List<Cluster> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : listed) {
            Cluster cluster = byId.get(id);
            if (cluster == null) {
                missing.add(id);
            } else {
                chosen.add(cluster);
            }
        }
        tagged.ifPresent(selector -> byId.values().stream()
                .filter(c -> !listed.contains(c.id()))
                .filter(c -> selector.matches(c.tags()))
                .sorted(Comparator.comparing(Cluster::id))
                .forEach(chosen::add));
        return new Selected(chosen, missing);
    }

    /**
     * @param clusters   the clusters to snapshot, in order
     * @param missingIds listed clusters RDS does not know
     */
    public record Selected(List<Cluster> clusters, List<String> missingIds) {
        public Selected {
            clusters = List.copyOf(clusters);
            missingIds = List.copyOf(missingIds);
        }
    }
}
