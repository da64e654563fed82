package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * How a source file meets its table: each column's role (inferred from names, kept from the table's stored roles,
 * overridden by {@code --role}), its stored type, and the schema changes an append needs. Columns are unified by
 * name (case-insensitively, as DuckDB resolves names); a column missing from the file is null for its rows; a new
 * column is added; an integer column meeting decimals is widened; anything else that does not fit is refused.
 */
final class TablePlan {
    private final String table;
    private final boolean exists;
    private final List<ColumnPlan> columns;
    private final Map<String, ColumnRole> roles;
    private final List<String> alterations;

    private TablePlan(String table, boolean exists, List<ColumnPlan> columns, Map<String, ColumnRole> roles,
                      List<String> alterations) {
        this.table = table;
        this.exists = exists;
        this.columns = columns;
        this.roles = roles;
        this.alterations = alterations;
    }

    static TablePlan of(ImportSession session, StagedSource source) {
        String table = session.table();
        Path file = source.file();
        TableInfo existing = session.catalog().exists(table) ? session.catalog().table(table) : null;
        Map<String, String> tableTypes = new LinkedHashMap<>();
        Map<String, ColumnRole> fixed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        if (existing != null) {
            for (ColumnInfo c : existing.columns()) {
                tableTypes.put(c.name(), c.sqlType());
                fixed.put(c.name(), c.role());
                names.add(c.name());
            }
        }
        Map<String, String> targetOf = new LinkedHashMap<>();
        for (SourceColumn c : source.columns()) {
            String match = names.stream().filter(n -> n.equalsIgnoreCase(c.name())).findFirst().orElse(null);
            if (match != null && targetOf.containsValue(match)) {
                throw new InputException(file + ": columns '" + c.name() + "' and '" + match
                        + "' differ only in case; DuckDB treats them as one");
            }
            if (match == null) {
                names.add(c.name());
                match = c.name();
            }
            targetOf.put(c.name(), match);
        }
        Map<String, ColumnRole> roles = RoleInference.infer(names, fixed, session.roles());
        boolean probabilities = roles.containsValue(ColumnRole.SCORE);
        List<ColumnPlan> plans = new ArrayList<>();
        List<String> alterations = new ArrayList<>();
        for (SourceColumn c : source.columns()) {
            String target = targetOf.get(c.name());
            ColumnRole role = roles.get(target);
            if (role == ColumnRole.SCORE && !SqlTypes.isNumeric(c.sqlType()) && !SqlTypes.isText(c.sqlType())) {
                throw new InputException(file + ": column '" + c.name() + "' holds the score but is "
                        + c.sqlType() + "; a score must be a number in [0, 1]");
            }
            String tableType = tableTypes.get(target);
            ColumnPlan plan = new ColumnPlan(c.name(), target, c.sqlType(), role, probabilities, tableType);
            if (existing == null) {
                plans.add(plan);
                continue;
            }
            String quoted = Identifiers.userTable(table) + " ";
            if (tableType == null) {
                alterations.add("ALTER TABLE " + quoted + "ADD COLUMN " + Identifiers.quote(target) + " "
                        + plan.storedType());
                plans.add(plan);
                continue;
            }
            String widened = widening(tableType, plan.storedType());
            if (widened == null) {
                throw new InputException(file + ": column '" + c.name() + "' is " + plan.storedType()
                        + " here but " + tableType + " in table '" + table + "'; cannot append");
            }
            if (!widened.equalsIgnoreCase(tableType)) {
                alterations.add("ALTER TABLE " + quoted + "ALTER COLUMN " + Identifiers.quote(target) + " TYPE "
                        + widened);
            }
            plans.add(new ColumnPlan(c.name(), target, c.sqlType(), role, probabilities, widened));
        }
        return new TablePlan(table, existing != null, List.copyOf(plans), roles, List.copyOf(alterations));
    }

    /**
     * The type the table must have to hold both what it has and what arrives, or null when they do not mix:
     * equal types; text takes anything; integers widen to BIGINT, numbers with decimals to DOUBLE; dates and
     * timestamps go to TIMESTAMP.
     */
    static String widening(String tableType, String incoming) {
        String t = tableType.toUpperCase(Locale.ROOT);
        String i = incoming.toUpperCase(Locale.ROOT);
        if (t.equals(i) || SqlTypes.isText(t)) {
            return tableType;
        }
        if (SqlTypes.isNumeric(t) && SqlTypes.isNumeric(i)) {
            if (t.equals("DOUBLE")) {
                return tableType;
            }
            boolean bothIntegers = isInteger(t) && isInteger(i);
            if (bothIntegers) {
                return t.equals("BIGINT") || t.equals("HUGEINT") ? tableType : "BIGINT";
            }
            return "DOUBLE";
        }
        if (SqlTypes.isTemporal(t) && SqlTypes.isTemporal(i)) {
            return t.startsWith("TIMESTAMP") ? tableType : "TIMESTAMP";
        }
        return null;
    }

    private static boolean isInteger(String t) {
        return t.endsWith("INT") || t.equals("INTEGER");
    }

    boolean tableExists() {
        return exists;
    }

    List<ColumnPlan> columns() {
        return columns;
    }

    /** Roles of every column of the table after this import, by column name. */
    Map<String, ColumnRole> roles() {
        return roles;
    }

    void alterTable(SqlRunner sql) throws SQLException {
        for (String alteration : alterations) {
            sql.update(alteration);
        }
    }

    String table() {
        return table;
    }
}
