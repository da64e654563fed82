package org.inquest.connectors.ingest;

/** A column as DuckDB's reader sees it in a source file: its name and DuckDB type. */
public record SourceColumn(String name, String sqlType) {
}
