package org.inquest.analysis.latency;

/**
 * Latency of a slice (or group) from its {@code latency_ms} column: linear-interpolation quantiles (numpy's
 * default, DuckDB's {@code quantile_cont}), mean and max over non-null values; {@code errorRate} is the share of
 * rows flagged as errors when the table has an error/status column, else null.
 */
public record Latency(long rows, long measured, Double p50, Double p95, Double p99, Double mean, Double max,
                      Double errorRate, String errorColumn) {
}
