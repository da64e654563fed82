package org.inquest.connectors.ingest;

import java.util.List;
import org.inquest.connectors.catalog.Catalog;

/**
 * What a {@link KindImporter} works with while importing one request: the connection (through {@link SqlRunner},
 * which binds parameters, tracks progress and honours cancellation), the catalog, the target table and kind, the
 * user's role overrides and the cancel handle.
 */
public final class ImportSession {
    private final SqlRunner sql;
    private final Catalog catalog;
    private final String table;
    private final ImportKind kind;
    private final List<RoleOverride> roles;
    private final CancelHandle cancel;

    ImportSession(SqlRunner sql, Catalog catalog, String table, ImportKind kind, List<RoleOverride> roles,
                  CancelHandle cancel) {
        this.sql = sql;
        this.catalog = catalog;
        this.table = table;
        this.kind = kind;
        this.roles = roles;
        this.cancel = cancel;
    }

    public SqlRunner sql() {
        return sql;
    }

    public Catalog catalog() {
        return catalog;
    }

    public String table() {
        return table;
    }

    public ImportKind kind() {
        return kind;
    }

    public List<RoleOverride> roles() {
        return roles;
    }

    public CancelHandle cancel() {
        return cancel;
    }
}
