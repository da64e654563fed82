package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * Multi-class metrics from the confusion matrix, which DuckDB aggregates ({@code GROUP BY label, prediction}); the
 * JVM sees at most classes² counts per group. Classes are the union of labels and predictions (sklearn's
 * {@code unique_labels}); a class with no true or no predicted rows has F1 0 (sklearn's zero_division).
 */
public final class MulticlassAnalyzer {
    private final Connection connection;

    public MulticlassAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public Map<String, MulticlassMetrics> analyze(Slice slice, ModelColumns columns, Grouping grouping) {
        String y = columns.label().map(ClassLabels::asText).orElse("CAST(NULL AS VARCHAR)");
        String yhat = columns.prediction().map(ClassLabels::asText).orElse("CAST(NULL AS VARCHAR)");
        SqlFragment query = new SqlBuilder().sql("SELECT k, y, yhat, count(*) AS n FROM (SELECT "
                + grouping.keySql() + " AS k, " + y + " AS y, " + yhat + " AS yhat FROM " + slice.from()
                + " WHERE ").fragment(slice.condition()).sql(") GROUP BY k, y, yhat").build();
        Map<String, List<Cell>> cells = new TreeMap<>();
        Queries.list(connection, query, rs -> cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Cell(rs.getString(2), rs.getString(3), rs.getLong(4))), "multi-class metrics of "
                + slice.table().name());
        Map<String, MulticlassMetrics> result = new LinkedHashMap<>();
        cells.forEach((key, list) -> result.put(key, metrics(list)));
        return result;
    }

    static MulticlassMetrics metrics(List<Cell> cells) {
        long rows = 0;
        long labeled = 0;
        long evaluated = 0;
        long correct = 0;
        Map<String, long[]> perClass = new TreeMap<>(); // class -> {true count, predicted count, correct}
        TreeSet<String> classes = new TreeSet<>();
        for (Cell cell : cells) {
            rows += cell.count();
            if (cell.label() == null) {
                continue;
            }
            labeled += cell.count();
            if (cell.predicted() == null) {
                continue;
            }
            evaluated += cell.count();
            classes.add(cell.label());
            classes.add(cell.predicted());
            perClass.computeIfAbsent(cell.label(), c -> new long[3])[0] += cell.count();
            perClass.computeIfAbsent(cell.predicted(), c -> new long[3])[1] += cell.count();
            if (cell.label().equals(cell.predicted())) {
                correct += cell.count();
                perClass.get(cell.label())[2] += cell.count();
            }
        }
        if (evaluated == 0) {
            return new MulticlassMetrics(rows, labeled, null, null, null, Map.of());
        }
        double macro = 0;
        double weighted = 0;
        Map<String, Double> recall = new LinkedHashMap<>();
        for (String c : classes) {
            long[] n = perClass.get(c);
            double p = n[1] == 0 ? 0 : (double) n[2] / n[1];
            double r = n[0] == 0 ? 0 : (double) n[2] / n[0];
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            macro += f1;
            weighted += f1 * n[0];
            recall.put(c, r);
        }
        return new MulticlassMetrics(rows, labeled, (double) correct / evaluated, macro / classes.size(),
                weighted / evaluated, recall);
    }

    record Cell(String label, String predicted, long count) {
    }
}
