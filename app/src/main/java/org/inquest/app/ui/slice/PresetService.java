package org.inquest.app.ui.slice;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Proposes reference/current pairs from what the workspace holds: the largest predictions table with a timestamp,
 * training snapshots, and model versions in order of first appearance. Days come from the data (min/max timestamp),
 * so the presets fit any workspace, not only the demo.
 */
public final class PresetService {
    private static final Pattern VERSION_SUFFIX = Pattern.compile(".*?_?(v\\d+)$", Pattern.CASE_INSENSITIVE);

    /** The presets, the most useful default first. */
    public List<SlicePreset> presets(Connection c) throws SQLException {
        List<TableInfo> tables = new Catalog(c).tables();
        Optional<TableInfo> predictions = tables.stream()
                .filter(t -> !"snapshot".equals(t.kind()) && !"traces".equals(t.kind()))
                .filter(t -> t.columnWithRole(ColumnRole.TIMESTAMP).isPresent())
                .max(Comparator.comparingLong(TableInfo::rows));
        List<SlicePreset> out = new ArrayList<>();
        if (predictions.isEmpty()) {
            tables.stream().filter(t -> !"traces".equals(t.kind())).findFirst().ifPresent(t -> out.add(
                    new SlicePreset(t.name() + " (whole table)", new SliceSpec(t.name(), "", t.name(), ""))));
            return out;
        }
        TableInfo p = predictions.get();
        String ts = p.columnWithRole(ColumnRole.TIMESTAMP).get().name();
        LocalDate[] range = dayRange(c, p.name(), ts);
        if (range == null) {
            out.add(new SlicePreset(p.name() + " (whole table)", new SliceSpec(p.name(), "", p.name(), "")));
            return out;
        }
        LocalDate lastWeek = range[1].minusDays(6);
        String last7 = FilterText.from(ts, lastWeek);
        out.add(new SlicePreset("First 7 days vs last 7 days", new SliceSpec(p.name(),
                FilterText.through(ts, range[0].plusDays(6)), p.name(), last7)));
        tables.stream().filter(t -> "snapshot".equals(t.kind())).min(Comparator.comparing(TableInfo::name))
                .ifPresent(s -> out.add(new SlicePreset(snapshotLabel(s.name()) + " vs last 7 days",
                        new SliceSpec(s.name(), "", p.name(), last7))));
        Optional<ColumnInfo> version = p.columnWithRole(ColumnRole.MODEL_VERSION);
        if (version.isPresent()) {
            List<String> versions = versionsByFirstSeen(c, p.name(), version.get().name(), ts);
            if (versions.size() >= 2) {
                String a = versions.get(0);
                String b = versions.get(1);
                LocalDate bFirst = firstDayOf(c, p.name(), version.get().name(), b, ts);
                String days = FilterText.from(ts, bFirst == null ? range[0] : bFirst);
                out.add(new SlicePreset(a + " vs " + b + " on the same days", new SliceSpec(
                        p.name(), FilterText.and(FilterText.equalsValue(version.get().name(), a), days),
                        p.name(), FilterText.and(FilterText.equalsValue(version.get().name(), b), days))));
            }
        }
        return out;
    }

    static String snapshotLabel(String table) {
        Matcher m = VERSION_SUFFIX.matcher(table);
        return m.matches() ? m.group(1) + " training snapshot" : table + " (training snapshot)";
    }

    private static LocalDate[] dayRange(Connection c, String table, String ts) throws SQLException {
        String q = Identifiers.quote(ts);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CAST(min(" + q
                + ") AS DATE), CAST(max(" + q + ") AS DATE) FROM " + Identifiers.userTable(table))) {
            rs.next();
            if (rs.getObject(1) == null) {
                return null;
            }
            return new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)};
        }
    }

    private static List<String> versionsByFirstSeen(Connection c, String table, String version, String ts)
            throws SQLException {
        List<String> out = new ArrayList<>();
        String v = Identifiers.quote(version);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CAST(" + v + " AS VARCHAR)"
                + " FROM " + Identifiers.userTable(table) + " WHERE " + v + " IS NOT NULL GROUP BY 1 ORDER BY min("
                + Identifiers.quote(ts) + "), 1 LIMIT 20")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static LocalDate firstDayOf(Connection c, String table, String version, String value, String ts)
            throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT CAST(min(" + Identifiers.quote(ts)
                + ") AS DATE) FROM " + Identifiers.userTable(table) + " WHERE CAST(" + Identifiers.quote(version)
                + " AS VARCHAR) = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? null : rs.getObject(1, LocalDate.class);
            }
        }
    }
}
