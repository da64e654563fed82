package org.inquest.connectors.ingest;

import org.inquest.connectors.catalog.ColumnRole;

/** One {@code --role ROLE=COLUMN} given by the user. */
public record RoleOverride(ColumnRole role, String column) {
}
