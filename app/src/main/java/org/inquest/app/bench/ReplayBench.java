package org.inquest.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.analysis.replay.BucketWidth;
import org.inquest.analysis.replay.ReplayBucket;
import org.inquest.analysis.replay.ReplayOptions;
import org.inquest.analysis.replay.ReplayTimeline;
import org.inquest.analysis.replay.ReplayTimelines;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;

/**
 * The incident-replay benchmark of docs/PERFORMANCE.md ({@code bench/replay.sh}): on a workspace holding the demo's
 * {@code predictions} and {@code spans}, the time to compute the whole timeline (what the Replay tab does once per
 * slice) and the time to list one bucket's requests with their traces (what it does per cursor move), as medians.
 * Arguments: WORKSPACE [BUCKET (default 1m)] [FEATURE (default income)] [ROUNDS (default 5)].
 */
public final class ReplayBench {
    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        BucketWidth bucket = BucketWidth.parse(args.length > 1 ? args[1] : "1m");
        String feature = args.length > 2 ? args[2] : "income";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            SliceResolver r = new SliceResolver(ws.connection());
            Slice reference = r.resolve("predictions", "timestamp < TIMESTAMP '2026-09-08'");
            String[][] currents = {{"whole month", ""},
                {"days 22-23", "timestamp >= TIMESTAMP '2026-09-22' AND timestamp < TIMESTAMP '2026-09-24'"}};
            for (String[] c : currents) {
                Slice current = r.resolve("predictions", c[1].isEmpty() ? null : c[1]);
                ReplayTimelines replay = new ReplayTimelines(ws.connection());
                ReplayOptions options = ReplayOptions.defaults().withFeature(feature).withBucket(bucket);
                double[] ms = new double[rounds];
                ReplayTimeline t = null;
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    t = replay.compute(reference, current, options);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                List<ReplayBucket> busy = new ArrayList<>(t.buckets().stream().filter(b -> b.rows() > 0).toList());
                Random random = new Random(7);
                double[] list = new double[20];
                long listed = 0;
                BucketTraces traces = new BucketTraces(ws.connection());
                for (int i = 0; i < list.length; i++) {
                    ReplayBucket b = busy.get(random.nextInt(busy.size()));
                    long t0 = System.nanoTime();
                    listed += traces.list(current, t.spansTable(), b.startMicros(), b.startMicros()
                            + t.bucketSeconds() * 1_000_000L, 500).size();
                    list[i] = (System.nanoTime() - t0) / 1e6;
                }
                System.out.printf(Locale.ROOT, "%s: %,d rows, %,d buckets of %s (requested %s); timeline median %.0f ms"
                        + " (min %.0f) over %d rounds; requests of a bucket (avg %.0f listed) median %.0f ms, max %.0f"
                        + " over 20 buckets%n", c[0], t.rows(), t.buckets().size(), t.bucket(), bucket.text(),
                        median(ms), Arrays.stream(ms).min().orElse(0), rounds, listed / 20.0, median(list),
                        Arrays.stream(list).max().orElse(0));
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
