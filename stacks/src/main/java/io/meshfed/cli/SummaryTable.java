package io.meshfed.cli;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cluster × stage table of object counts (Helm releases included). */
final class SummaryTable {

    private SummaryTable() {
    }

    static String of(MeshPlan plan) {
        List<String> header = new ArrayList<>(List.of("cluster"));
        for (Stage stage : Stage.values()) {
            header.add(stage.directory());
        }
        header.add("total");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        int[] totals = new int[Stage.values().length + 1];
        for (ClusterPlan cluster : plan.clusters()) {
            List<String> row = new ArrayList<>(List.of(cluster.cluster()));
            int sum = 0;
            for (Map.Entry<Stage, Integer> e : cluster.countsByStage().entrySet()) {
                row.add(String.valueOf(e.getValue()));
                totals[e.getKey().ordinal()] += e.getValue();
                sum += e.getValue();
            }
            totals[Stage.values().length] += sum;
            row.add(String.valueOf(sum));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("all"));
        for (int t : totals) {
            total.add(String.valueOf(t));
        }
        rows.add(total);
        return format(rows);
    }

    private static String format(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                out.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
