package dev.auroraguard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.SnapshotDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a retention plan for people: as JSON (the default) or as a table grouped by cluster. */
public final class RetentionPlanReport {

    /** Two-space indentation, one array element per line, {@code "key": value}. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private RetentionPlanReport() {
    }

    /**
     * The plan as JSON: {@code now}, {@code timezone}, {@code listingComplete}, {@code budget},
     * {@code summary}, and the arrays {@code keep} and {@code delete}, whose entries carry
     * {@code snapshot}, {@code cluster}, {@code kind}, {@code createdAt} (ISO-8601 UTC),
     * {@code status}, {@code type} and {@code reasons}.
     */
    public static String json(RetentionPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("now", plan.now().toString());
        root.put("timezone", plan.zone().getId());
        root.put("listingComplete", plan.listingComplete());
        root.put("budget", plan.budget().isUnlimited() ? "unlimited" : plan.budget().maxDeletions());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("keep", plan.keep().size());
        summary.put("delete", plan.delete().size());
        summary.put("deferredByBudget", plan.deferredByBudget());
        root.put("summary", summary);
        root.put("keep", plan.keep().stream().map(RetentionPlanReport::entry).toList());
        root.put("delete", plan.delete().stream().map(RetentionPlanReport::entry).toList());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan of strings and numbers always serialises", e);
        }
    }

    private static Map<String, Object> entry(SnapshotDecision decision) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("snapshot", decision.identifier());
        entry.put("cluster", decision.snapshot().cluster());
        entry.put("kind", decision.kind().orElse(null));
        entry.put("createdAt", decision.snapshot().createdAt().toString());
        entry.put("status", decision.snapshot().status());
        entry.put("type", decision.snapshot().type());
        entry.put("reasons", decision.reasonTexts());
        return entry;
    }

    /** The plan as a table per cluster, newest snapshot first, with a header and a total line. */
    public static String table(RetentionPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Retention plan at ").append(plan.now())
                .append(" (time zone ").append(plan.zone().getId())
                .append(", deletion budget ").append(plan.budget())
                .append(", listing ").append(plan.listingComplete() ? "complete" : "INCOMPLETE: nothing is deleted")
                .append(')').append("\n");

        Map<String, List<SnapshotDecision>> byCluster = new TreeMap<>();
        for (SnapshotDecision decision : plan.decisions()) {
            byCluster.computeIfAbsent(decision.snapshot().cluster(), c -> new ArrayList<>()).add(decision);
        }
        Comparator<SnapshotDecision> newestFirst = Comparator
                .comparing((SnapshotDecision d) -> d.snapshot().createdAt()).reversed()
                .thenComparing(SnapshotDecision::identifier);
        byCluster.forEach((cluster, decisions) -> {
            decisions.sort(newestFirst);
            long deletes = decisions.stream().filter(SnapshotDecision::deletes).count();
            out.append("\n")
                    .append("Cluster ").append(cluster).append(": keep ").append(decisions.size() - deletes)
                    .append(", delete ").append(deletes).append("\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ACTION", "SNAPSHOT", "KIND", "CREATED (UTC)", "REASONS"});
            for (SnapshotDecision d : decisions) {
                rows.add(new String[] {
                    d.deletes() ? "delete" : "keep",
                    d.identifier(),
                    d.kind().orElse("-"),
                    d.snapshot().createdAt().toString(),
                    String.join("; ", d.reasonTexts())});
            }
            appendRows(out, rows);
        });
        out.append("\n")
                .append("Total: keep ").append(plan.keep().size())
                .append(", delete ").append(plan.delete().size())
                .append(", deferred by the budget ").append(plan.deferredByBudget())
                .append("\n");
        return out.toString();
    }

    private static void appendRows(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.append(line.toString().stripTrailing()).append("\n");
        }
    }
}
