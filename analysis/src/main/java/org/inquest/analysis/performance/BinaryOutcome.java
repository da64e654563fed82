package org.inquest.analysis.performance;

import java.util.Optional;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The three per-row SQL expressions binary metrics are built from: {@code y} (the label as 0/1, null while
 * unlabeled), {@code p} (the score as a double) and {@code yhat} (the predicted label: the prediction column when
 * there is one, else {@code score >= threshold}, the threshold being a parameter).
 */
public record BinaryOutcome(String y, String p, SqlFragment yhat) {
    public static BinaryOutcome of(ModelColumns columns, double threshold) {
        String y = columns.label().map(BinaryOutcome::zeroOne).orElse("CAST(NULL AS INTEGER)");
        String p = columns.score().map(c -> "CAST(" + Identifiers.quote(c.name()) + " AS DOUBLE)")
                .orElse("CAST(NULL AS DOUBLE)");
        SqlFragment yhat;
        Optional<ColumnInfo> prediction = columns.prediction();
        if (prediction.isPresent()) {
            yhat = SqlFragment.of(zeroOne(prediction.get()));
        } else if (columns.score().isPresent()) {
            yhat = SqlFragment.of("CASE WHEN " + p + " >= ? THEN 1 WHEN " + p + " IS NOT NULL THEN 0 END", threshold);
        } else {
            yhat = SqlFragment.of("CAST(NULL AS INTEGER)");
        }
        return new BinaryOutcome(y, p, yhat);
    }

    /** A 0/1 column as INTEGER: booleans and numbers cast, text read as 1/true/yes and 0/false/no. */
    static String zeroOne(ColumnInfo column) {
        String c = Identifiers.quote(column.name());
        if (SqlTypes.isText(column.sqlType())) {
            return "CASE WHEN lower(trim(" + c + ")) IN ('1', 'true', 'yes') THEN 1"
                    + " WHEN lower(trim(" + c + ")) IN ('0', 'false', 'no') THEN 0 END";
        }
        return "CAST(" + c + " AS INTEGER)";
    }
}
