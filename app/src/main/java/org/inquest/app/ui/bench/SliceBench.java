package org.inquest.app.ui.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.overview.OverviewViewModel;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.workspace.Workspace;

/**
 * Benchmark (not a test): the work behind a filter change in the workbench — resolving both slices and every
 * overview number (counts, quality, calibration, latency, drift, data quality) — timed over 20 different current
 * filters on a demo workspace. Prints p50/p95/max in ms. Usage: {@code SliceBench WORKSPACE [changes]}.
 */
public final class SliceBench {
    private SliceBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String[] regions = {"EU", "US", "APAC", "LATAM"};
        List<Long> ms = new ArrayList<>();
        try (Workspace ws = Workspace.openReadOnly(file); Connection c = ws.newConnection()) {
            DirectTaskRunner runner = new DirectTaskRunner(() -> c);
            for (int i = -2; i < changes; i++) { // two warm-up rounds
                int day = 24 + Math.floorMod(i, 7);
                String where = "\"timestamp\" >= TIMESTAMP '2026-09-" + day + " 00:00:00'"
                        + (i % 2 == 0 ? " AND region = '" + regions[Math.floorMod(i, 4)] + "'" : "");
                SliceSpec spec = new SliceSpec("predictions", "\"timestamp\" < TIMESTAMP '2026-09-08 00:00:00'",
                        "predictions", where);
                long start = System.nanoTime();
                IncidentSnapshot[] out = new IncidentSnapshot[1];
                runner.submit("bench", ctx -> new IncidentService().compute(ctx, spec), s -> out[0] = s, e -> {
                    throw new IllegalStateException(e);
                });
                OverviewViewModel.cardsOf(out[0]);
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (i >= 0) {
                    ms.add(elapsed);
                }
            }
        }
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "filter changes: %d  p50 %d ms  p95 %d ms  max %d ms%n", sorted.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    static long percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
