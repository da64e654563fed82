package org.inquest.analysis.slice;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL whose text is built only from constants and quoted identifiers, with every user-supplied value
 * carried as a positional parameter ({@code ?}) in {@link #parameters()}. This is how a filter typed by a user
 * reaches DuckDB without ever becoming SQL text.
 */
public record SqlFragment(String sql, List<Object> parameters) {
    /** The condition that keeps every row. */
    public static final SqlFragment TRUE = new SqlFragment("TRUE", List.of());

    public SqlFragment {
        parameters = java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }

    /** Both conditions, parenthesised. */
    public SqlFragment and(SqlFragment other) {
        if (this == TRUE || sql.equals("TRUE")) {
            return other;
        }
        if (other == TRUE || other.sql.equals("TRUE")) {
            return this;
        }
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", all);
    }

    /** Binds the parameters starting at JDBC index {@code firstIndex}; returns the next free index. */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Object p : parameters) {
            statement.setObject(index++, p);
        }
        return index;
    }
}
