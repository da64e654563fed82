package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.inquest.analysis.filter.Timestamps;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.analysis.replay.BucketWidth;
import org.inquest.analysis.replay.ReplayBucket;
import org.inquest.analysis.replay.ReplayOptions;
import org.inquest.analysis.replay.ReplayTimeline;
import org.inquest.analysis.replay.ReplayTimelines;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inquest replay}: the incident replay's timeline of the current slice as JSON — per bucket volume, p95
 * latency, error rate, mean score, accuracy and labeled count, and a feature's PSI, null share and mean against the
 * whole reference; {@code --at} adds the requests (with their traces) of one bucket.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Timeline of the current slice per minute (or --bucket): volume, p95 latency, error rate, mean"
                + " score, accuracy, and a feature's drift against the reference, as JSON.")
public final class ReplayCommand implements Callable<Integer> {
    static final int REQUESTS_LIMIT = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    TwoSliceOptions twoSlices;

    @Option(names = "--feature", paramLabel = "COLUMN",
            description = "Feature whose drift is replayed (default: the first feature of both slices).")
    String feature;

    @Option(names = "--bucket", paramLabel = "WIDTH", defaultValue = "1m",
            description = "Bucket width, e.g. 1m, 5m, 1h (default: ${DEFAULT-VALUE}); coarsened automatically when"
                    + " the slice spans more than " + BucketWidth.MAX_BUCKETS + " buckets.")
    String bucket;

    @Option(names = "--spans", paramLabel = "TABLE",
            description = "Spans table linked to the predictions (default: the workspace's first spans table);"
                    + " linked by the link saved with inquest link, else the trace_id role.")
    String spans;

    @Mixin
    TraceLinkOptions link = new TraceLinkOptions();

    @Option(names = "--at", paramLabel = "TIMESTAMP",
            description = "Also list the requests of the bucket holding this time, with their traces.")
    String at;

    @Override
    public Integer call() throws Exception {
        ReplayOptions options = ReplayOptions.defaults().withFeature(feature).withBucket(BucketWidth.parse(bucket))
                .withSpansTable(spans).withLink(link.link());
        Long atMicros = at == null ? null : micros(at);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out;
        try (Workspace ws = Workspace.openReadOnly(twoSlices.workspace())) {
            SliceResolver resolver = new SliceResolver(ws.connection());
            Slice reference = twoSlices.reference(resolver);
            Slice current = twoSlices.current(resolver);
            ReplayTimeline timeline = new ReplayTimelines(ws.connection()).compute(reference, current, options);
            out = json.valueToTree(timeline);
            if (atMicros != null) {
                int index = timeline.indexAt(atMicros);
                if (index < 0) {
                    throw new UsageException("--at " + at + " is outside the replayed slice (" + timeline.start()
                            + " to " + timeline.end() + ")");
                }
                ReplayBucket b = timeline.buckets().get(index);
                ObjectNode requests = json.createObjectNode();
                requests.put("index", index);
                requests.put("start", b.start());
                requests.put("end", b.end());
                requests.set("requests", json.valueToTree(new BucketTraces(ws.connection()).list(current,
                        timeline.spansTable(), link.link(), b.startMicros(), b.startMicros() + timeline.bucketSeconds() * 1_000_000L,
                        REQUESTS_LIMIT)));
                out.set("at", requests);
            }
        }
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return InquestCommand.EXIT_OK;
    }

    private static long micros(String text) {
        java.time.LocalDateTime t = Timestamps.parseTimestamp(text);
        if (t == null) {
            throw new UsageException("invalid --at '" + text + "' (expected a timestamp such as 2026-09-22 14:05)");
        }
        java.time.Instant i = t.toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
}
