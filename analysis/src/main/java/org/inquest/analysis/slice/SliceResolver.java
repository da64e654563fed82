package org.inquest.analysis.slice;

import java.sql.Connection;
import org.inquest.analysis.filter.FilterLanguage;
import org.inquest.analysis.filter.FilterSyntaxException;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;

/**
 * Turns what a user names on the command line or in the workbench — a table and optional filter text — into a
 * {@link Slice}. An unknown table, or a filter that does not parse or check against the table, is exit 2; the
 * slice's display text is the filter's canonical form.
 */
public final class SliceResolver {
    private final Catalog catalog;

    public SliceResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    public SliceResolver(Connection connection) {
        this(new Catalog(connection));
    }

    /** The slice of {@code table} where {@code where} holds (the whole table when {@code where} is null or blank). */
    public Slice resolve(String table, String where) {
        return resolve(table, where, "filter");
    }

    /**
     * As {@link #resolve(String, String)}; {@code source} names where the filter came from (e.g.
     * {@code --current-where}) in the error message.
     */
    public Slice resolve(String table, String where, String source) {
        TableInfo info = catalog.table(table);
        return on(info, where, source);
    }

    /** The slice of an already-read table. */
    public static Slice on(TableInfo table, String where, String source) {
        if (where == null || where.isBlank()) {
            return Slice.whole(table);
        }
        try {
            FilterLanguage.Filter filter = FilterLanguage.prepare(where, table);
            return new Slice(table, filter.canonical(), filter.sql());
        } catch (FilterSyntaxException e) {
            throw e.in(source);
        }
    }
}
