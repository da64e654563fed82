package org.inquest.connectors.traces;

/** The two trace formats Inquest reads, as recorded in the import lineage. */
public enum TraceFormat {
    OTLP_JSON("otlp_json"), JAEGER_JSON("jaeger_json");

    private final String wireName;

    TraceFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
