package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.ShortInputException;
import io.darkroom.application.resource.upload.StagedFile;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import org.axonframework.common.transaction.TransactionManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Receives the parts of chunked uploads ({@code Content-Range} + {@code X-Unique-Upload-Id}). Each part's bytes are
 * streamed from the request into a blob of their own ({@link PartialUpload#partKey}), so the parts of one upload may
 * reach any node, in any order, and a retried part simply replaces its blob; the blob store may be a directory or a
 * bucket (decision 016). A part is first reserved (the upload's row locked, the range checked against the others), then
 * written outside any transaction, then marked written; the part that completes the file marks the upload as assembling
 * in that same transaction, so exactly one request reads the parts back ({@link PartAssembler}) into one staged file (for its digest
 * and facts) and uploads it, or has the store compose it from the parts where it can ({@link BlobStore#compose}).
 * Whatever happens to the file then, {@link #finish} forgets the upload and queues its parts for removal; uploads that
 * stop receiving parts are discarded with their parts after the grace period.
 */
public class ChunkedUploads {
    /** Cloudinary's minimum for every part but the last (the SDKs' tests expect this message). */
    public static final long MIN_PART_BYTES = 5_000_000;

    private final PartialUploadStore store;
    private final BlobStore blobs;
    private final BlobDeletionQueue deletions;
    private final TransactionManager transactions;
    private final long maxFileBytes;
    private final long maxPartBytes;
    private final Duration grace;
    private final IdGenerator ids;
    private final PartAssembler assembler;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chunk-keep-alive");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> assembling = new ConcurrentHashMap<>();

    public ChunkedUploads(PartialUploadStore store, BlobStore blobs, BlobDeletionQueue deletions,
                          TransactionManager transactions, Path stagingDir, long maxFileBytes, long maxPartBytes,
                          Duration grace, IdGenerator ids) {
        this.ids = ids;
        this.assembler = new PartAssembler(blobs, stagingDir, 4);
        this.store = store;
        this.blobs = blobs;
        this.deletions = deletions;
        this.transactions = transactions;
        this.maxFileBytes = maxFileBytes;
        this.maxPartBytes = maxPartBytes;
        this.grace = grace;
    }

    /** Checks what the header alone tells, before any byte of the part is read. */
    public void checkRange(ByteRange range) {
        if (range.total() == 0 || range.length() == 0) {
            throw DarkroomException.badRequest("Empty file");
        }
        if (range.total() > maxFileBytes || range.last() + 1 > maxFileBytes) {
            throw DarkroomException.badRequest("File size too large. Got " + Math.max(range.total(), range.last() + 1)
                    + ". Maximum is " + maxFileBytes + ".");
        }
        if (range.length() > maxPartBytes) {
            throw DarkroomException.badRequest("File size too large. Got a part of " + range.length()
                    + " bytes. Maximum is " + maxPartBytes + ".");
        }
        if (!range.isFinal() && range.length() < MIN_PART_BYTES) {
            throw DarkroomException.badRequest("All parts except EOF-chunk must be larger than 5mb");
        }
    }

    /**
     * Writes one part from {@code bytes} (which must hold exactly the range's length) into its
     * upload's file; when it completes the file, answers the whole file as a staged file.
     */
    public ChunkProgress receive(String cloud, String uploadId, ByteRange range, InputStream bytes, String originalFilename) {
        checkRange(range);
        String partKey = PartialUpload.partKey(transactions.fetchInTransaction(() -> reserve(cloud, uploadId, range)), range.first());
        try {
            blobs.store(partKey, bytes, range.length());
            if (bytes.read() >= 0) {
                refuse(uploadId, range, partKey, "more");
            }
        } catch (ShortInputException partShort) {
            refuse(uploadId, range, partKey, String.valueOf(partShort.received()));
        } catch (IOException | RuntimeException e) {
            release(uploadId, range);
            throw e instanceof IOException io ? new UncheckedIOException("Could not store the part", io) : (RuntimeException) e;
        }
        PartialUpload upload;
        try {
            upload = transactions.fetchInTransaction(() -> markWritten(cloud, uploadId, range));
        } catch (DarkroomException discarded) {
            deleteQuietly(partKey);
            throw discarded;
        }
        if (!upload.assembling()) {
            return new ChunkProgress(uploadId, upload.writtenBytes(), upload.total(), null);
        }
        keepAlive(uploadId);
        try {
            List<BlobStore.StoredBlob> parts = upload.parts().stream()
                    .map(part -> new BlobStore.StoredBlob(PartialUpload.partKey(upload.blobKey(), part.first()), part.length())).toList();
            return new ChunkProgress(uploadId, upload.total(), upload.total(), new StagedFile(assembler.assemble(upload), originalFilename, parts));
        } catch (IOException | RuntimeException e) {
            finish(uploadId);
            throw e instanceof IOException io ? new UncheckedIOException("Could not assemble the parts", io) : (RuntimeException) e;
        }
    }

    private void refuse(String uploadId, ByteRange range, String partKey, String held) {
        release(uploadId, range);
        deleteQuietly(partKey);
        throw DarkroomException.badRequest("Content-Range declares " + range.length() + " bytes but the part holds " + held);
    }

    /** Forgets a completed (or failed) upload and queues its parts for removal. */
    public void finish(String uploadId) {
        ScheduledFuture<?> alive = assembling.remove(uploadId);
        if (alive != null) {
            alive.cancel(false);
        }
        transactions.executeInTransaction(() -> {
            java.util.List<String> keys = store.remove(uploadId);
            if (!keys.isEmpty()) {
                deletions.enqueue(keys);
            }
        });
    }

    /** Discards uploads that received no part for the grace period; answers how many. */
    public int discardAbandoned() {
        return store.discardAbandoned(grace);
    }

    private String reserve(String cloud, String uploadId, ByteRange range) {
        PartialUpload upload = store.lock(uploadId, cloud, "parts/" + cloud + "/" + ids.hex32());
        PartRules.check(upload, cloud, range);
        store.reserve(uploadId, range.first(), range.last(), upload.total() >= 0 ? upload.total() : range.total());
        return upload.blobKey();
    }

    private PartialUpload markWritten(String cloud, String uploadId, ByteRange range) {
        store.markWritten(uploadId, range.first());
        PartialUpload upload = store.lock(uploadId, cloud, null);
        if (upload == null) {
            // the part took longer to arrive than the grace, and the sweep discarded the upload meanwhile
            throw DarkroomException.badRequest("Upload " + uploadId + " was discarded: no part arrived for " + grace.toSeconds()
                    + " s; send the file again");
        }
        if (upload.complete()) {
            store.markAssembling(uploadId);
            return new PartialUpload(upload.cloud(), upload.blobKey(), upload.total(), true, upload.parts());
        }
        return upload;
    }

    /**
     * Until {@link #finish}, touches the upload every third of the grace: reading the parts back, composing and recording
     * a large file may outlast the grace, and its parts must stay; if this node dies, the touches stop and the grace sweep
     * removes the upload and its parts.
     */
    private void keepAlive(String uploadId) {
        long every = Math.max(100, grace.toMillis() / 3);
        assembling.put(uploadId, keepAlive.scheduleWithFixedDelay(() -> {
            try {
                transactions.executeInTransaction(() -> store.touch(uploadId));
            } catch (RuntimeException missed) {
                // the next beat tries again; a grace holds three of them
            }
        }, every, every, TimeUnit.MILLISECONDS));
    }

    private void deleteQuietly(String partKey) {
        try {
            blobs.delete(partKey);
        } catch (IOException | RuntimeException ignored) {
            // a part no row names is swept by no one: rare (a store failing now), and it holds no one's data
        }
    }

    private void release(String uploadId, ByteRange range) {
        transactions.executeInTransaction(() -> store.release(uploadId, range.first()));
    }
}
