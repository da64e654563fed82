package org.inquest.connectors.demo;

import java.util.Locale;

/** The file format the demo incident is written in. Parquet is the default; CSV is for tools that want text. */
public enum DemoFormat {
    PARQUET("parquet", "FORMAT parquet, COMPRESSION zstd"),
    CSV("csv", "FORMAT csv, HEADER true, DELIMITER ','");

    private final String extension;
    private final String copyOptions;

    DemoFormat(String extension, String copyOptions) {
        this.extension = extension;
        this.copyOptions = copyOptions;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The options of DuckDB's {@code COPY ... TO} for this format (fixed text, never user input). */
    String copyOptions() {
        return copyOptions;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
