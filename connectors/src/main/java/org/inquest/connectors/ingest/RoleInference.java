package org.inquest.connectors.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.UsageException;

/**
 * Gives each column a role from its name (the contract's name lists, case-insensitive), then applies the user's
 * {@code --role ROLE=COLUMN} overrides. Each role other than {@code feature} goes to at most one column: when two
 * columns match the same role, the name earlier in the role's list wins, and the other stays a feature.
 */
public final class RoleInference {
    private static final Map<ColumnRole, List<String>> NAMES = new EnumMap<>(ColumnRole.class);

    static {
        NAMES.put(ColumnRole.ID, List.of("id", "request_id", "prediction_id", "event_id"));
        NAMES.put(ColumnRole.TIMESTAMP, List.of("timestamp", "ts", "event_time", "time", "created_at"));
        NAMES.put(ColumnRole.MODEL_VERSION, List.of("model_version", "version", "model"));
        NAMES.put(ColumnRole.SCORE, List.of("score", "probability", "proba", "y_score", "prediction_score"));
        NAMES.put(ColumnRole.PREDICTION, List.of("prediction", "predicted_label", "y_pred"));
        NAMES.put(ColumnRole.LABEL, List.of("label", "actual", "ground_truth", "y_true", "target"));
        NAMES.put(ColumnRole.LATENCY_MS, List.of("latency_ms", "latency", "duration_ms"));
        NAMES.put(ColumnRole.TRACE_ID, List.of("trace_id", "traceid"));
    }

    private RoleInference() {
    }

    /** The names that imply {@code role}, in priority order (empty for {@code feature}). */
    public static List<String> namesFor(ColumnRole role) {
        return NAMES.getOrDefault(role, List.of());
    }

    /**
     * Roles for {@code columns} (in column order). {@code fixed} are roles already decided (e.g. stored with an
     * existing table); they are kept, and inference only fills roles nobody holds yet.
     */
    public static Map<String, ColumnRole> infer(List<String> columns, Map<String, ColumnRole> fixed,
                                                List<RoleOverride> overrides) {
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        for (String column : columns) {
            roles.put(column, fixed.getOrDefault(column, ColumnRole.FEATURE));
        }
        for (Map.Entry<ColumnRole, List<String>> entry : NAMES.entrySet()) {
            if (roles.containsValue(entry.getKey())) {
                continue;
            }
            outer:
            for (String name : entry.getValue()) {
                for (String column : columns) {
                    if (!fixed.containsKey(column) && roles.get(column) == ColumnRole.FEATURE
                            && column.toLowerCase(Locale.ROOT).equals(name)) {
                        roles.put(column, entry.getKey());
                        break outer;
                    }
                }
            }
        }
        for (RoleOverride override : overrides) {
            String column = resolve(columns, override.column());
            ColumnRole role = override.role();
            if (role != ColumnRole.FEATURE) {
                roles.replaceAll((c, r) -> r == role ? ColumnRole.FEATURE : r);
            }
            roles.put(column, role);
        }
        return roles;
    }

    /** The column named {@code name} (exact, else case-insensitive as DuckDB resolves names), or exit 2. */
    static String resolve(List<String> columns, String name) {
        if (columns.contains(name)) {
            return name;
        }
        for (String column : columns) {
            if (column.equalsIgnoreCase(name)) {
                return column;
            }
        }
        throw new UsageException("--role: unknown column '" + name + "' (columns: " + String.join(", ", columns) + ")");
    }

    /** Parses {@code ROLE=COLUMN} as given on the command line; exit 2 when malformed or the role is unknown. */
    public static List<RoleOverride> parseOverrides(List<String> specs) {
        List<RoleOverride> overrides = new java.util.ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("--role '" + spec + "': expected ROLE=COLUMN, e.g. --role score=p_default");
            }
            ColumnRole role = ColumnRole.fromWireName(spec.substring(0, eq));
            String column = spec.substring(eq + 1);
            if (role != ColumnRole.FEATURE && overrides.stream().anyMatch(o -> o.role() == role)) {
                throw new UsageException("--role " + role.wireName() + " given twice");
            }
            overrides.add(new RoleOverride(role, column));
        }
        return overrides;
    }
}
