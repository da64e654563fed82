package org.inquest.connectors.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.inquest.connectors.error.InputException;

/**
 * The lineage digest of a source file: its SHA-256 and size, from one streamed pass in constant memory. The pass
 * runs on a thread of its own ({@link #start}), started before DuckDB reads the file, so hashing overlaps DuckDB's
 * parse instead of following it (the second reader finds the file in the page cache). Line numbers of rejected CSV
 * lines are not its business: {@link LineLocator} finds them with a pass of its own, only when there are some.
 */
public final class SourceDigest {
    private static final int BUFFER = 1 << 20;

    private final String sha256;
    private final long size;

    SourceDigest(String sha256, long size) {
        this.sha256 = sha256;
        this.size = size;
    }

    /** Digests {@code file} on the calling thread. */
    public static SourceDigest of(Path file, CancelHandle cancel) {
        return compute(file, cancel, () -> false);
    }

    /** Starts digesting {@code file} on a daemon thread; see {@link Pending}. */
    static Pending start(Path file, CancelHandle cancel) {
        Pending pending = new Pending();
        Thread hashing = new Thread(() -> {
            try {
                pending.result.complete(compute(file, cancel, () -> pending.abandoned));
            } catch (RuntimeException e) {
                pending.result.completeExceptionally(e);
            }
        }, "inquest-digest");
        hashing.setDaemon(true);
        hashing.start();
        return pending;
    }

    private static SourceDigest compute(Path file, CancelHandle cancel, java.util.function.BooleanSupplier stop) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                cancel.check();
                if (stop.getAsBoolean()) {
                    return null;
                }
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new SourceDigest(HexFormat.of().formatHex(sha.digest()), size);
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /**
     * A digest being computed. {@link #join()} waits for it (and rethrows its failure: an unreadable file, a
     * cancel); {@link #close()} abandons it when the import fails first, so the thread stops at its next buffer.
     */
    static final class Pending implements AutoCloseable {
        private final CompletableFuture<SourceDigest> result = new CompletableFuture<>();
        private volatile boolean abandoned;

        SourceDigest join() {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        @Override
        public void close() {
            abandoned = true;
        }
    }
}
