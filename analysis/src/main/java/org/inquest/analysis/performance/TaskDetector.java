package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Decides from the labels what kind of model is being judged. Booleans and numeric labels within {0, 1} are
 * binary; integral numeric labels with at most {@value #MAX_CLASSES} values, and text labels, are multi-class;
 * other numeric labels are regression. Without a label column, a score means binary (metrics stay empty).
 */
public final class TaskDetector {
    static final int MAX_CLASSES = 50;

    private final Connection connection;

    public TaskDetector(Connection connection) {
        this.connection = connection;
    }

    /** The task over all given slices together (a regression anywhere wins, then multi-class). */
    public TaskKind detect(List<Slice> slices, ModelColumns columns) {
        if (columns.label().isEmpty()) {
            return TaskKind.BINARY;
        }
        ColumnInfo label = columns.label().get();
        if (SqlTypes.isBoolean(label.sqlType())) {
            return TaskKind.BINARY;
        }
        if (!label.isNumericType()) {
            return TaskKind.MULTICLASS;
        }
        TaskKind task = TaskKind.BINARY;
        String y = "CAST(" + Identifiers.quote(label.name()) + " AS DOUBLE)";
        for (Slice slice : slices) {
            TaskKind here = PreviousPlan.enabled(PreviousPlan.MODEL) ? previousDetect(slice, label, y)
                    : detect(slice, label, y);
            if (here.ordinal() > task.ordinal()) {
                task = here;
            }
        }
        return task;
    }

    /**
     * Integral labels within [0, 1] are binary whatever their number (at most two values), so the distinct count —
     * a hash table of the labels — is taken only for integral labels outside [0, 1], where it decides between
     * multi-class and regression. The same answer as counting first.
     */
    private TaskKind detect(Slice slice, ColumnInfo label, String y) {
        Object[] range = Queries.one(connection, new SqlBuilder().sql("SELECT count(" + y + "),"
                + " coalesce(bool_and(" + y + " = round(" + y + ")), true), min(" + y + "), max(" + y + ")"
                + " FROM " + slice.from() + " WHERE (").fragment(slice.condition()).sql(") AND "
                + Identifiers.quote(label.name()) + " IS NOT NULL").build(), rs -> new Object[] {rs.getLong(1),
                rs.getBoolean(2), rs.getDouble(3), rs.getDouble(4)}, "labels of " + slice.table().name());
        if (!(Boolean) range[1]) {
            return TaskKind.REGRESSION;
        }
        if ((Long) range[0] == 0 || (Double) range[2] >= 0 && (Double) range[3] <= 1) {
            return TaskKind.BINARY;
        }
        long distinct = Queries.one(connection, new SqlBuilder().sql("SELECT count(DISTINCT " + y + ") FROM "
                + slice.from() + " WHERE (").fragment(slice.condition()).sql(")").build(), rs -> rs.getLong(1),
                "labels of " + slice.table().name());
        return distinct > MAX_CLASSES ? TaskKind.REGRESSION : TaskKind.MULTICLASS;
    }

    /** The detection before ADR 0101: the distinct count with the range, always. */
    private TaskKind previousDetect(Slice slice, ColumnInfo label, String y) {
        return Queries.one(connection, new SqlBuilder().sql("SELECT count(DISTINCT " + y + "),"
                + " coalesce(bool_and(" + y + " = round(" + y + ")), true), min(" + y + "), max(" + y + ")"
                + " FROM " + slice.from() + " WHERE (").fragment(slice.condition()).sql(") AND "
                + Identifiers.quote(label.name()) + " IS NOT NULL").build(), rs -> {
                    long distinct = rs.getLong(1);
                    boolean integral = rs.getBoolean(2);
                    if (!integral || distinct > MAX_CLASSES) {
                        return TaskKind.REGRESSION;
                    }
                    return distinct == 0 || rs.getDouble(3) >= 0 && rs.getDouble(4) <= 1
                            ? TaskKind.BINARY : TaskKind.MULTICLASS;
                }, "labels of " + slice.table().name());
    }
}
