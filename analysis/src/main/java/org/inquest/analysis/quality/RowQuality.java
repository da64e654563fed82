package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * The data-quality flags of one prediction row against a reference slice, with the same definitions as the
 * slice-level report ({@link DataQuality}): a feature is {@code null}; a numeric value is {@code out_of_range}
 * when it lies outside the reference [min, max]; a categorical value is a {@code new_category} when the reference
 * never has it. Features the reference lacks are {@code not_in_reference}. One statement over the reference slice
 * reads every bound and category check (row values are JDBC parameters).
 */
public final class RowQuality {
    private final Connection connection;

    public RowQuality(Connection connection) {
        this.connection = connection;
    }

    /** The checks of one feature. {@code flag} is null when the value is unremarkable. */
    public record Check(@JsonProperty("column") String column, @JsonProperty("value") Object value,
            @JsonProperty("flag") String flag, @JsonProperty("detail") String detail) {
        public boolean flagged() {
            return flag != null;
        }
    }

    public static final String NULL = "null";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String NEW_CATEGORY = "new_category";
    public static final String NOT_IN_REFERENCE = "not_in_reference";

    /** One check per feature of {@code rowTable}, in table order. */
    public List<Check> check(Slice reference, TableInfo rowTable, Map<String, Object> row) {
        List<ColumnInfo> features = rowTable.features();
        StringBuilder select = new StringBuilder("count(*)");
        List<Object> parameters = new ArrayList<>();
        List<ColumnInfo> inReference = new ArrayList<>();
        for (ColumnInfo f : features) {
            ColumnInfo ref = reference.table().column(f.name()).orElse(null);
            if (ref == null) {
                continue;
            }
            inReference.add(f);
            String c = Identifiers.quote(f.name());
            select.append(", count(*) FILTER (WHERE ").append(c).append(" IS NULL)");
            Object v = row.get(f.name());
            if (numeric(f, ref)) {
                select.append(", CAST(min(").append(c).append(") AS DOUBLE), CAST(max(").append(c)
                        .append(") AS DOUBLE)");
            } else if (v != null) {
                select.append(", count(*) FILTER (WHERE CAST(").append(c).append(" AS VARCHAR) = ?), NULL");
                parameters.add(text(v));
            } else {
                select.append(", NULL, NULL");
            }
        }
        SqlValues values = read("SELECT " + select + " FROM " + reference.from() + " WHERE "
                + reference.condition().sql(), parameters, reference, 1 + 3 * inReference.size());
        List<Check> checks = new ArrayList<>();
        long refRows = values.number(0) == null ? 0 : values.number(0).longValue();
        for (ColumnInfo f : features) {
            Object v = row.get(f.name());
            int at = inReference.indexOf(f);
            if (at < 0) {
                checks.add(new Check(f.name(), v, v == null ? NULL : NOT_IN_REFERENCE, v == null ? "missing value"
                        : "the reference table has no column " + f.name()));
                continue;
            }
            int base = 1 + 3 * at;
            Double refNulls = values.number(base);
            String nullShare = refRows == 0 || refNulls == null ? "" : String.format(Locale.ROOT,
                    " (%.1f%% of the reference is null)", 100.0 * refNulls / refRows);
            if (v == null) {
                checks.add(new Check(f.name(), null, NULL, "missing value" + nullShare));
            } else if (numeric(f, reference.table().column(f.name()).orElseThrow())) {
                Double min = values.number(base + 1);
                Double max = values.number(base + 2);
                Double x = v instanceof Number n ? n.doubleValue() : parse(v.toString());
                if (x != null && min != null && max != null && (x < min || x > max)) {
                    checks.add(new Check(f.name(), v, OUT_OF_RANGE, "outside the reference range ["
                            + plain(min) + ", " + plain(max) + "]"));
                } else {
                    checks.add(new Check(f.name(), v, null, min == null ? "the reference has no values"
                            : "within [" + plain(min) + ", " + plain(max) + "]"));
                }
            } else {
                Double seen = values.number(base + 1);
                if (seen != null && seen == 0) {
                    checks.add(new Check(f.name(), v, NEW_CATEGORY, "the reference never has this value"));
                } else {
                    checks.add(new Check(f.name(), v, null, String.format(Locale.ROOT, "%.1f%% of the reference",
                            refRows == 0 || seen == null ? 0.0 : 100.0 * seen / refRows)));
                }
            }
        }
        return checks;
    }

    private static boolean numeric(ColumnInfo f, ColumnInfo ref) {
        return f.featureKind() != FeatureKind.CATEGORICAL && f.isNumericType() && ref.isNumericType();
    }

    private static String text(Object v) {
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return v.toString();
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.6g", d);
    }

    private record SqlValues(List<Object> values) {
        Double number(int i) {
            Object v = values.get(i);
            return v instanceof Number n ? n.doubleValue() : null;
        }
    }

    private SqlValues read(String sql, List<Object> parameters, Slice reference, int columns) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int next = 1;
            for (Object p : parameters) {
                ps.setObject(next++, p);
            }
            reference.condition().bind(ps, next);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Object> out = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    out.add(rs.getObject(i));
                }
                return new SqlValues(out);
            }
        } catch (SQLException e) {
            throw new InputException("checking a row against " + reference.table().name() + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
