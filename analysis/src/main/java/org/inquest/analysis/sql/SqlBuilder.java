package org.inquest.analysis.sql;

import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.SqlFragment;

/**
 * Concatenates constant SQL text and {@link SqlFragment}s, keeping the fragments' parameters in the order their
 * placeholders appear. Only constants and quoted identifiers are appended as text; values travel as parameters.
 */
public final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public SqlBuilder sql(String constantText) {
        sql.append(constantText);
        return this;
    }

    public SqlBuilder fragment(SqlFragment fragment) {
        sql.append(fragment.sql());
        parameters.addAll(fragment.parameters());
        return this;
    }

    /** A value as a {@code ?} placeholder. */
    public SqlBuilder value(Object value) {
        sql.append('?');
        parameters.add(value);
        return this;
    }

    public SqlFragment build() {
        return new SqlFragment(sql.toString(), parameters);
    }
}
