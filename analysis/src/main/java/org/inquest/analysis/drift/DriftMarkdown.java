package org.inquest.analysis.drift;

import org.inquest.analysis.report.render.Html;
import org.inquest.analysis.report.render.Markdown;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** A drift result as Markdown, readable pasted into a postmortem document. */
public final class DriftMarkdown {
    private DriftMarkdown() {
    }

    public static String render(DriftResult r) {
        StringBuilder b = new StringBuilder("# Drift\n\n");
        b.append("- Reference: ").append(slice(r.reference())).append('\n');
        b.append("- Current: ").append(slice(r.current())).append('\n');
        b.append("- Drifted features: ").append(r.driftedCount()).append(" of ").append(r.features().size())
                .append(" (share ").append(Html.number(r.driftShare())).append(", threshold ")
                .append(Html.number(r.driftShareThreshold())).append(")\n");
        b.append("- Dataset drift: **").append(r.datasetDrift() ? "yes" : "no").append("**\n\n");
        features(b, r.features());
        if (!r.schemaDifferences().isEmpty()) {
            b.append("\n## Schema differences\n\n| column | difference | reference type | current type |\n"
                    + "| --- | --- | --- | --- |\n");
            for (DriftResult.SchemaDifference d : r.schemaDifferences()) {
                b.append("| ").append(Markdown.cell(d.column())).append(" | ").append(d.difference()).append(" | ")
                        .append(Markdown.cell(d.referenceType())).append(" | ").append(Markdown.cell(d.currentType()))
                        .append(" |\n");
            }
        }
        if (r.windows() != null) {
            b.append("\n## Windows\n\n| start | end | rows | drift share | dataset drift | drifted features |\n"
                    + "| --- | --- | ---: | ---: | --- | --- |\n");
            for (DriftResult.DriftWindow w : r.windows()) {
                b.append("| ").append(Markdown.cell(w.start())).append(" | ").append(Markdown.cell(w.end()))
                        .append(" | ").append(w.rows()).append(" | ").append(Html.number(w.driftShare()))
                        .append(" | ").append(w.datasetDrift() ? "yes" : "no").append(" | ")
                        .append(Markdown.cell(String.join(", ", w.features().stream().filter(FeatureDrift::drifted)
                                .map(FeatureDrift::name).toList())))
                        .append(" |\n");
            }
            overTime(b, r);
        }
        if (!r.warnings().isEmpty()) {
            b.append("\n## Warnings\n\n");
            for (String w : r.warnings()) {
                b.append("- ").append(Markdown.cell(w)).append('\n');
            }
        }
        return b.toString();
    }

    /** The feature × window matrix of drift scores; drifted cells in bold. */
    private static void overTime(StringBuilder b, DriftResult r) {
        Table scores = DriftFrames.overTime(r, DriftFrames.Cell.STATISTIC);
        Table flags = DriftFrames.overTime(r, DriftFrames.Cell.DRIFTED);
        if (scores.rowCount() == 0) {
            return;
        }
        b.append("\n## Drift over time (drift score per window; **drifted**)\n\n| feature |");
        for (int c = 1; c < scores.columnCount(); c++) {
            b.append(' ').append(Markdown.cell(scores.column(c).name())).append(" |");
        }
        b.append("\n| --- |").append(" ---: |".repeat(scores.columnCount() - 1)).append('\n');
        for (int row = 0; row < scores.rowCount(); row++) {
            b.append("| ").append(Markdown.cell(scores.stringColumn(0).get(row))).append(" |");
            for (int c = 1; c < scores.columnCount(); c++) {
                DoubleColumn score = scores.doubleColumn(c);
                String text = score.isMissing(row) ? "–" : Html.number(score.getDouble(row));
                boolean drifted = !flags.doubleColumn(c).isMissing(row) && flags.doubleColumn(c).getDouble(row) > 0;
                b.append(' ').append(drifted ? "**" + text + "**" : text).append(" |");
            }
            b.append('\n');
        }
    }

    private static void features(StringBuilder b, java.util.List<FeatureDrift> features) {
        b.append("| feature | kind | method | statistic | threshold | drifted | reference nulls | current nulls |\n"
                + "| --- | --- | --- | ---: | ---: | --- | ---: | ---: |\n");
        for (FeatureDrift f : features) {
            b.append("| ").append(Markdown.cell(f.name())).append(" | ").append(f.kind()).append(" | ")
                    .append(f.method() == null ? "–" : f.method().wireName()).append(" | ")
                    .append(Html.number(f.statistic())).append(" | ").append(Html.number(f.threshold())).append(" | ")
                    .append(f.drifted() ? "**yes**" : "no").append(" | ").append(Html.number(f.referenceNulls()))
                    .append(" | ").append(Html.number(f.currentNulls())).append(" |\n");
        }
    }

    private static String slice(DriftResult.SliceSummary s) {
        return "`" + s.table().replace("`", "") + "`" + (s.where() == null ? "" : " where " + Markdown.code(s.where()))
                + ", " + s.rows() + " rows";
    }
}
