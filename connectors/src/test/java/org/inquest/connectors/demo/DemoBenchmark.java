package org.inquest.connectors.demo;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Times {@code inquest demo} in-process: {@code bench/demo.sh [ROWS] [OUT]} (default 10,000,000 rows). Prints wall
 * time, peak JVM heap (sum of the heap pools' peaks: an upper bound), file sizes and the SHA-256 of each data file
 * so two runs can be compared byte for byte. A documented command, not a test.
 */
public final class DemoBenchmark {
    private DemoBenchmark() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("inquest-demo-bench");
        long start = System.nanoTime();
        DemoResult result = new DemoGenerator(System.err::println).generate(DemoOptions.of(out, rows));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "rows %,d  wall %.1f s  peak heap %.1f MB (max heap %.0f MB)  threads %d%n",
                rows, seconds, peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                Runtime.getRuntime().availableProcessors());
        for (Path file : result.files()) {
            System.out.printf(Locale.ROOT, "  %-22s %10.1f MB  sha256 %s%n", file.getFileName(),
                    Files.size(file) / 1048576.0, sha256(file));
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
