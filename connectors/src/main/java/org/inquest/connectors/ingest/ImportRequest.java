package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.util.List;
import org.inquest.connectors.workspace.Identifiers;

/**
 * What to import: files (already expanded from globs) appended into one table of the given kind. {@code kind} is
 * null when the user did not say: a new table is then {@code predictions}, an existing one keeps its kind.
 */
public record ImportRequest(String table, ImportKind kind, List<RoleOverride> roles, List<Path> files) {
    public ImportRequest {
        Identifiers.requireTableName(table);
        roles = List.copyOf(roles);
        files = List.copyOf(files);
    }
}
