package org.inquest.connectors.ingest;

import java.util.Locale;

/** The file formats Inquest reads, each with DuckDB's own reader. */
public enum SourceFormat {
    CSV, PARQUET, JSON_LINES, JSON;

    /** The name recorded in the lineage: csv, parquet, jsonl, json. */
    public String wireName() {
        return this == JSON_LINES ? "jsonl" : name().toLowerCase(Locale.ROOT);
    }
}
