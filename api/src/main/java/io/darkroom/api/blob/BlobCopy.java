package io.darkroom.api.blob;

import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.CopyableBlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies every blob of a file store into a bucket, {@code parallel} at once, printing progress every two seconds (done of
 * total, MB/s, time left). Each object goes up with its MD5 (checked by the server on single PUTs, kept as metadata) and
 * its size is checked afterwards; an object already holding the same MD5 and size is passed over, so a copy that was
 * stopped is resumed by running it again. The source is only read.
 */
final class BlobCopy {
    private final Path sourceRoot;
    private final CopyableBlobStore target;
    private final int parallel;
    private final PrintStream out;
    private final AtomicLong doneBlobs = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong copiedBytes = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    BlobCopy(Path sourceRoot, CopyableBlobStore target, int parallel, PrintStream out) {
        this.sourceRoot = sourceRoot;
        this.target = target;
        this.parallel = parallel;
        this.out = out;
    }

    /** Answers the number of blobs that could not be copied (0: all are in the bucket). */
    int run() throws Exception {
        List<BlobStore.StoredBlob> blobs = new ArrayList<>();
        BlobConfiguration.fileStore(sourceRoot).list("", blobs::add);
        long totalBytes = blobs.stream().mapToLong(BlobStore.StoredBlob::bytes).sum();
        out.printf("Copying %,d blobs (%,.1f MB) from %s%n", blobs.size(), totalBytes / 1e6, sourceRoot);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        for (BlobStore.StoredBlob blob : blobs) {
            pool.submit(() -> copy(blob));
        }
        pool.shutdown();
        while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
            progress(blobs.size(), totalBytes, started);
        }
        progress(blobs.size(), totalBytes, started);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("Done in %.1f s: %,d copied (%,.1f MB, %.1f MB/s), %,d already there, %,d failed%n", seconds,
                doneBlobs.get() - skipped.get() - failures.size(), copiedBytes.get() / 1e6, copiedBytes.get() / 1e6 / Math.max(seconds, 0.001),
                skipped.get(), failures.size());
        failures.stream().limit(20).forEach(failure -> out.println("FAILED " + failure));
        return failures.size();
    }

    private void copy(BlobStore.StoredBlob blob) {
        try {
            Path file = sourceRoot.resolve(blob.key());
            byte[] md5 = md5(file);
            if (target.holdsCopy(blob.key(), md5, blob.bytes())) {
                skipped.incrementAndGet();
            } else {
                long stored = target.copyIn(blob.key(), file, md5);
                if (stored != blob.bytes()) {
                    failures.add(blob.key() + ": the bucket holds " + stored + " bytes of " + blob.bytes());
                }
                copiedBytes.addAndGet(blob.bytes());
            }
        } catch (IOException | RuntimeException e) {
            failures.add(blob.key() + ": " + e.getMessage());
        } finally {
            doneBlobs.incrementAndGet();
            doneBytes.addAndGet(blob.bytes());
        }
    }

    private void progress(int totalBlobs, long totalBytes, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = doneBytes.get() / 1e6 / Math.max(seconds, 0.001);
        long left = rate <= 0 ? 0 : Math.round((totalBytes - doneBytes.get()) / 1e6 / rate);
        out.printf("%,d of %,d blobs, %,.1f of %,.1f MB, %.1f MB/s, %d s left%n", doneBlobs.get(), totalBlobs,
                doneBytes.get() / 1e6, totalBytes / 1e6, rate, left);
    }

    private static byte[] md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
