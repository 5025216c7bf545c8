package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.resource.cleanup.BlobDeletionQueue;
import io.darkroom.application.resource.upload.BlobStore;
import io.darkroom.application.resource.upload.StagedFile;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.RandomIds;
import org.axonframework.common.transaction.TransactionManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Receives the parts of chunked uploads ({@code Content-Range} + {@code X-Unique-Upload-Id}).
 * Each part is stored as a blob of its own (queued for removal before it is written, taken off
 * the queue in the transaction that records it, as plain uploads do); the upload's row is locked
 * while a part is recorded, so parts of one upload arriving at several nodes are checked one
 * after the other. The part that completes the range marks the upload as assembling in that same
 * transaction, so exactly one request assembles it, streaming the parts into one staged file and
 * computing the etag in the same pass.
 * Whatever happens to the assembled file, {@link #finish} forgets the upload and queues its parts
 * for removal; uploads that stop receiving parts are discarded after the grace period.
 */
public class ChunkedUploads {
    /** Cloudinary's minimum for every part but the last (the SDKs' tests expect this message). */
    public static final long MIN_PART_BYTES = 5_000_000;
    private static final int COPY_BUFFER = 1 << 20;

    private final PartialUploadStore store;
    private final BlobStore blobs;
    private final BlobDeletionQueue deletions;
    private final TransactionManager transactions;
    private final Path stagingDir;
    private final long maxFileBytes;
    private final Duration grace;

    public ChunkedUploads(PartialUploadStore store, BlobStore blobs, BlobDeletionQueue deletions,
                          TransactionManager transactions, Path stagingDir, long maxFileBytes, Duration grace) {
        this.store = store;
        this.blobs = blobs;
        this.deletions = deletions;
        this.transactions = transactions;
        this.stagingDir = stagingDir;
        this.maxFileBytes = maxFileBytes;
        this.grace = grace;
    }

    /** Checks what the header alone tells, before the part's bytes are staged. */
    public void checkRange(ByteRange range) {
        if (range.total() == 0) {
            throw DarkroomException.badRequest("Empty file");
        }
        if (range.total() > maxFileBytes || range.last() + 1 > maxFileBytes) {
            throw DarkroomException.badRequest("File size too large. Got " + Math.max(range.total(), range.last() + 1)
                    + ". Maximum is " + maxFileBytes + ".");
        }
        if (!range.isFinal() && range.length() < MIN_PART_BYTES) {
            throw DarkroomException.badRequest("All parts except EOF-chunk must be larger than 5mb");
        }
    }

    /** Records one part (its staged file is moved away); when it completes the file, assembles it. */
    public ChunkProgress receive(String cloud, String uploadId, ByteRange range, StagedFile part) {
        checkRange(range);
        long size = sizeOf(part.path());
        if (size != range.length()) {
            throw DarkroomException.badRequest("Content-Range declares " + range.length() + " bytes but the part holds " + size);
        }
        String blobKey = "parts/" + cloud + "/" + RandomIds.hex32();
        deletions.enqueueLater(blobKey, grace);
        try {
            blobs.store(blobKey, part.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the part", e);
        }
        PartialUpload upload;
        try {
            upload = transactions.fetchInTransaction(() -> record(cloud, uploadId, range, blobKey));
        } catch (RuntimeException e) {
            deleteQuietly(blobKey);
            throw e;
        }
        if (!upload.assembling()) {
            return new ChunkProgress(uploadId, upload.receivedBytes(), upload.total(), null);
        }
        try {
            return new ChunkProgress(uploadId, upload.total(), upload.total(), assemble(upload.parts(), part.originalFilename()));
        } catch (RuntimeException e) {
            finish(uploadId);
            throw e;
        }
    }

    /** Forgets a completed (or failed) upload and queues its parts for removal. */
    public void finish(String uploadId) {
        transactions.executeInTransaction(() -> {
            List<String> keys = store.remove(uploadId);
            if (!keys.isEmpty()) {
                deletions.enqueue(keys);
            }
        });
    }

    /** Discards uploads that received no part for the grace period; answers how many. */
    public int discardAbandoned() {
        return store.discardAbandoned(grace);
    }

    private PartialUpload record(String cloud, String uploadId, ByteRange range, String blobKey) {
        PartialUpload upload = store.lock(uploadId, cloud);
        PartRules.check(upload, cloud, range);
        UploadPart part = new UploadPart(range.first(), range.last(), blobKey);
        List<UploadPart> parts = PartRules.withPart(upload.parts(), part);
        upload.parts().stream().filter(p -> p.first() == part.first())
                .forEach(replaced -> deletions.enqueue(List.of(replaced.blobKey())));
        long total = upload.total() >= 0 ? upload.total() : range.total();
        store.addPart(uploadId, part, total);
        deletions.cancel(blobKey);
        PartialUpload received = new PartialUpload(upload.cloud(), total, false, parts);
        if (total >= 0 && received.receivedBytes() == total) {
            store.markAssembling(uploadId);
            return new PartialUpload(upload.cloud(), total, true, parts);
        }
        return received;
    }

    /**
     * Streams the parts into one staged file, digesting them on the way: the etag comes out of this one
     * pass, so the upload does not read the whole file again (the JDK's MD5 runs at memory speed).
     */
    private StagedFile assemble(List<UploadPart> parts, String originalFilename) {
        try {
            Path target = Files.createTempFile(stagingDir, "assembled-", ".part");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[COPY_BUFFER];
                for (UploadPart part : parts) {
                    long copied = 0;
                    try (InputStream in = blobs.open(part.blobKey()).orElseThrow(
                            () -> new IOException("part " + part.blobKey() + " is missing"))) {
                        for (int n; (n = in.read(buffer)) > 0; copied += n) {
                            md5.update(buffer, 0, n);
                            out.write(buffer, 0, n);
                        }
                    }
                    if (copied != part.length()) {
                        throw new IOException("part " + part.blobKey() + " holds " + copied + " bytes, not " + part.length());
                    }
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return new StagedFile(target, originalFilename, HexFormat.of().formatHex(md5.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not assemble the chunked upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteQuietly(String blobKey) {
        try {
            blobs.delete(blobKey);
        } catch (IOException ignored) {
            // still queued (its cancel rolled back): the sweeper removes it after the grace period
        }
    }
}
