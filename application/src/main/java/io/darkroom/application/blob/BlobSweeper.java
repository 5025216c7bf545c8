package io.darkroom.application.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Removes queued blobs. Safe on several nodes at once (each takes keys the others skip) and
 * after a crash (a key is forgotten only after its file is gone; removing a missing file is fine).
 */
public class BlobSweeper {
    /** One batch is one transaction on the queue and, in a bucket, one request of up to 1,000 keys. */
    private static final int BATCH = 1000;

    private final BlobDeletionQueue queue;
    private final BlobStore blobs;

    public BlobSweeper(BlobDeletionQueue queue, BlobStore blobs) {
        this.queue = queue;
        this.blobs = blobs;
    }

    /** Sweeps until the queue is empty; answers how many blobs were removed. */
    public int sweep() {
        int removed = 0;
        List<String> taken;
        do {
            taken = queue.drain(BATCH, this::delete);
            removed += taken.size();
        } while (taken.size() == BATCH);
        return removed;
    }

    private void delete(List<String> keys) {
        try {
            blobs.deleteAll(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + keys.size() + " blobs", e);
        }
    }
}
