package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Regression metrics in one aggregate scan. The predicted value is the prediction column, else the score. R² uses
 * DuckDB's numerically stable {@code var_pop} for the total sum of squares rather than Σy² − (Σy)²/n.
 */
public final class RegressionAnalyzer {
    /** sklearn's floor for |y| in MAPE: the machine epsilon of float64. */
    static final double MAPE_EPS = Math.ulp(1.0);

    private final Connection connection;

    public RegressionAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public Map<String, RegressionMetrics> analyze(Slice slice, ModelColumns columns, Grouping grouping) {
        String y = columns.label().map(c -> "CAST(" + Identifiers.quote(c.name()) + " AS DOUBLE)")
                .orElse("CAST(NULL AS DOUBLE)");
        String yhat = columns.prediction().or(columns::score)
                .map(c -> "TRY_CAST(" + Identifiers.quote(c.name()) + " AS DOUBLE)").orElse("CAST(NULL AS DOUBLE)");
        String both = " FILTER (WHERE y IS NOT NULL AND yhat IS NOT NULL)";
        SqlFragment query = new SqlBuilder().sql("SELECT k, count(*) AS n, count(y) AS labeled,"
                + " count(*)" + both + " AS m, sum(abs(y - yhat))" + both + " AS abs_sum,"
                + " sum((y - yhat) * (y - yhat))" + both + " AS sq_sum,"
                + " sum(abs(y - yhat) / greatest(abs(y), " + MAPE_EPS + "))" + both + " AS ape_sum,"
                + " var_pop(y)" + both + " AS var_y FROM (SELECT " + grouping.keySql() + " AS k, " + y + " AS y, "
                + yhat + " AS yhat FROM " + slice.from() + " WHERE ").fragment(slice.condition())
                .sql(") GROUP BY k ORDER BY k").build();
        Map<String, RegressionMetrics> result = new LinkedHashMap<>();
        Queries.list(connection, query, rs -> {
            long m = rs.getLong("m");
            double sq = rs.getDouble("sq_sum");
            Double var = Queries.doubleOrNull(rs, "var_y");
            Double r2 = m == 0 || var == null || var == 0 ? null : 1 - sq / (var * m);
            result.put(rs.getString("k"), new RegressionMetrics(rs.getLong("n"), rs.getLong("labeled"),
                    m == 0 ? null : rs.getDouble("abs_sum") / m, m == 0 ? null : Math.sqrt(sq / m),
                    m == 0 ? null : rs.getDouble("ape_sum") / m, r2));
            return null;
        }, "regression metrics of " + slice.table().name());
        return result;
    }
}
