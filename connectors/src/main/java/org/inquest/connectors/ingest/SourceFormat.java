package org.inquest.connectors.ingest;

import java.util.Locale;

/**
 * The file formats Inquest reads: the tabular ones each with DuckDB's own reader, the trace formats (OTLP JSON,
 * Jaeger JSON) with the streaming parser of {@code connectors.traces}.
 */
public enum SourceFormat {
    CSV, PARQUET, JSON_LINES, JSON, OTLP_JSON, JAEGER_JSON;

    /** The name recorded in the lineage: csv, parquet, jsonl, json, otlp_json, jaeger_json. */
    public String wireName() {
        return this == JSON_LINES ? "jsonl" : name().toLowerCase(Locale.ROOT);
    }
}
