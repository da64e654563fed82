package org.inquest.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.traces.TraceCohorts;
import org.inquest.analysis.traces.TraceFilter;
import org.inquest.analysis.traces.TraceShow;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.analysis.traces.TraceView;
import org.inquest.connectors.traces.DemoTraces;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;

/**
 * The traces benchmark of docs/PERFORMANCE.md ({@code bench/traces.sh}): import of N requests × 5 spans of OTLP
 * JSON (the demo's trace shape), against DuckDB's own {@code read_json} of the same spans flattened to one JSON
 * object per span; {@code trace stats} over them (one slice, and two slices chosen by a root attribute);
 * {@code trace compare} (slowest 5 % against the rest); {@code trace show} of one 5,000-span trace.
 */
public final class TraceBenchmark {
    private TraceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 200_000;
        Path dir = Files.createTempDirectory("inquest-trace-bench");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--requests")) {
                requests = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--dir")) {
                dir = Path.of(args[++i]);
                Files.createDirectories(dir);
            }
        }
        Path timings = dir.resolve("timings.parquet");
        Path otlp = dir.resolve("spans.otlp.jsonl");
        Path flat = dir.resolve("spans.flat.jsonl");
        Path big = dir.resolve("trace5000.otlp.json");
        Path wsFile = dir.resolve("bench.duckdb");
        Path duckFile = dir.resolve("bare.duckdb");
        for (Path p : List.of(otlp, flat, big, wsFile, duckFile)) {
            Files.deleteIfExists(p);
        }
        long t;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            writeTimings(c, requests, timings);
            t = System.nanoTime();
            long spans = DemoTraces.write(c, timings, otlp);
            report("generate OTLP JSON (DuckDB COPY)", t, spans + " spans, " + mb(otlp));
        }
        writeWideTrace(big, 5000);
        try (Workspace ws = Workspace.open(wsFile)) {
            t = System.nanoTime();
            ImportResult r = importTraces(ws, "spans", otlp);
            double importSeconds = seconds(t);
            report("inquest import --kind traces", t, r.rowsAccepted() + " spans, " + String.format(Locale.ROOT,
                    "%,.0f spans/s", r.rowsAccepted() / importSeconds));
            try (PreparedStatement ps = ws.connection().prepareStatement("COPY (SELECT trace_id, span_id,"
                    + " parent_span_id, service, name, kind, start_unix_nano, end_unix_nano, status, attributes, events"
                    + " FROM spans) TO $1 (FORMAT json)")) {
                ps.setString(1, flat.toString());
                ps.execute();
            }
            double bare;
            try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + duckFile);
                 PreparedStatement ps = d.prepareStatement("CREATE TABLE flat AS SELECT * FROM read_json(?)")) {
                ps.setString(1, flat.toString());
                t = System.nanoTime();
                ps.execute();
                bare = seconds(t);
                report("DuckDB read_json of the same spans flattened (" + mb(flat) + ")", t, "");
            }
            System.out.printf(Locale.ROOT, "ratio import / read_json: %.2f%n", importSeconds / bare);
            TraceStats stats = new TraceStats(ws.connection());
            stats.compute("spans", SqlFragment.TRUE);
            t = System.nanoTime();
            int ops = stats.compute("spans", SqlFragment.TRUE).operations().size();
            report("trace stats over all spans (warm)", t, ops + " operations");
            // the channel is an attribute of the root span; reference web, current mobile, whole traces
            TraceFilter.Resolved web = TraceFilter.traces("attributes['channel'] = 'web'")
                    .resolve(ws.connection(), "spans", "reference");
            TraceFilter.Resolved mobile = TraceFilter.traces("attributes['channel'] = 'mobile'")
                    .resolve(ws.connection(), "spans", "current");
            t = System.nanoTime();
            ops = stats.compare("spans", web.condition(), mobile.condition()).operations().size();
            report("trace stats, two slices by a root attribute (web vs mobile)", t, ops + " operations");
            t = System.nanoTime();
            TraceCohorts.Result cohorts = new TraceCohorts(ws.connection()).compare("spans", SqlFragment.TRUE,
                    new TraceCohorts.Slowest(0.05));
            report("trace compare, slowest 5 % vs the rest", t, cohorts.slow().traces() + " slow traces, top "
                    + cohorts.stages().get(0).name());
            linkedStats(ws, stats, timings, dir);
            t = System.nanoTime();
            importTraces(ws, "wide", big);
            report("import of one 5,000-span trace", t, "");
            TraceShow show = new TraceShow(ws.connection());
            t = System.nanoTime();
            TraceView view = show.show("wide", "000000000000000000000000000b1a57");
            report("trace show of the 5,000-span trace (first)", t, view.spanCount() + " spans");
            t = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                show.show("wide", "000000000000000000000000000b1a57");
            }
            System.out.printf(Locale.ROOT, "%-60s %8.3f s%n", "trace show of the 5,000-span trace (warm, mean of 5)",
                    seconds(t) / 5);
        }
    }

    /**
     * {@code trace stats --predictions P --prediction-where "channel = 'mobile'"} with the predictions linked by
     * trace id, then (a copy of the predictions without their trace_id column) by the root span's
     * {@code request.id} attribute; both warm, same spans kept. Then one prediction's trace by attribute (the
     * request view's lookup).
     */
    private static void linkedStats(Workspace ws, TraceStats stats, Path timings, Path dir) throws Exception {
        Path untraced = dir.resolve("untraced.parquet");
        try (PreparedStatement ps = ws.connection().prepareStatement("COPY (SELECT * EXCLUDE (trace_id) FROM"
                + " read_parquet(?)) TO '" + untraced.toString().replace("'", "''") + "' (FORMAT parquet)")) {
            ps.setString(1, timings.toString());
            ps.execute();
        }
        new Importer(ws).run(new ImportRequest("preds", ImportKind.PREDICTIONS, List.of(), List.of(timings)),
                ImportListener.NONE, new CancelHandle());
        new Importer(ws).run(new ImportRequest("untraced", ImportKind.PREDICTIONS, List.of(), List.of(untraced)),
                ImportListener.NONE, new CancelHandle());
        String mobile = "channel = 'mobile'";
        TraceFilter byTraceId = TraceFilter.linkedTo("preds", mobile);
        TraceFilter byAttribute = TraceFilter.linkedTo("untraced", mobile)
                .withLink(org.inquest.connectors.catalog.TraceLink.byAttribute("request.id", null));
        for (int round = 0; round < 2; round++) { // the first round warms both
            for (TraceFilter f : List.of(byTraceId, byAttribute)) {
                long t = System.nanoTime();
                TraceFilter.Resolved r = f.resolve(ws.connection(), "spans", "");
                java.util.List<org.inquest.analysis.traces.OperationStats> ops = stats.compute("spans", r.condition())
                        .operations();
                if (round == 1) {
                    report("trace stats --prediction-where (mobile), link by " + r.filter().link().by() + " (warm)",
                            t, ops.get(0).count() + " spans of " + ops.get(0).name());
                }
            }
        }
        long t = System.nanoTime();
        String trace = new org.inquest.analysis.traces.RequestView(ws.connection()).forPrediction("untraced",
                "req-12345", "spans", org.inquest.connectors.catalog.TraceLink.byAttribute("request.id", null))
                .traceId();
        report("one prediction's trace by attribute (request view)", t, trace);
    }

    private static ImportResult importTraces(Workspace ws, String table, Path file) {
        return new Importer(ws).run(new ImportRequest(table, ImportKind.TRACES, List.of(), List.of(file)),
                ImportListener.NONE, new CancelHandle());
    }

    /** Synthetic demo-shaped timings: gateway 2–4 ms, feature store ~14 ms, model ~8 ms. */
    private static void writeTimings(Connection c, int n, Path out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("COPY (SELECT 'req-' || i AS request_id,"
                + " md5(i::VARCHAR) AS trace_id, TIMESTAMP '2026-09-01' + to_microseconds(i * 12000000::BIGINT)"
                + " AS \"timestamp\", 'v1' AS model_version, CASE WHEN i % 2 = 0 THEN 'mobile' ELSE 'web' END AS channel,"
                + " round(2 + (hash(i) % 200) / 100.0, 2) AS gateway_ms,"
                + " round(8 + (hash(i * 7) % 1200) / 100.0, 2) AS feature_store_ms,"
                + " round(5 + (hash(i * 13) % 600) / 100.0, 2) AS model_ms,"
                + " gateway_ms + feature_store_ms + model_ms AS latency_ms FROM range($1) r(i)) TO $2 (FORMAT parquet)")) {
            ps.setInt(1, n);
            ps.setString(2, out.toString());
            ps.execute();
        }
    }

    /** One trace of {@code count} spans: a tree of fan-out 4, children overlapping inside their parent. */
    static void writeWideTrace(Path out, int count) throws IOException {
        Random random = new Random(7);
        long[] start = new long[count];
        long[] end = new long[count];
        start[0] = 1_700_000_000_000_000_000L;
        end[0] = start[0] + 5_000_000_000L;
        for (int i = 1; i < count; i++) {
            int p = (i - 1) / 4;
            long len = end[p] - start[p];
            start[i] = start[p] + (long) (random.nextDouble() * len * 0.5);
            end[i] = start[i] + Math.max(1, (long) (random.nextDouble() * (end[p] - start[i])));
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(out.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("resourceSpans");
            g.writeStartObject();
            g.writeObjectFieldStart("resource");
            g.writeArrayFieldStart("attributes");
            g.writeStartObject();
            g.writeStringField("key", "service.name");
            g.writeObjectFieldStart("value");
            g.writeStringField("stringValue", "fanout");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("scopeSpans");
            g.writeStartObject();
            g.writeArrayFieldStart("spans");
            for (int i = 0; i < count; i++) {
                g.writeStartObject();
                g.writeStringField("traceId", "000000000000000000000000000b1a57");
                g.writeStringField("spanId", String.format(Locale.ROOT, "%016x", i + 1));
                if (i > 0) {
                    g.writeStringField("parentSpanId", String.format(Locale.ROOT, "%016x", (i - 1) / 4 + 1));
                }
                g.writeStringField("name", "op-" + (i % 17));
                g.writeStringField("startTimeUnixNano", Long.toString(start[i]));
                g.writeStringField("endTimeUnixNano", Long.toString(end[i]));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void report(String what, long startNanos, String detail) {
        System.out.printf(Locale.ROOT, "%-60s %8.3f s  %s%n", what, seconds(startNanos), detail);
    }

    private static String mb(Path file) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
    }
}
