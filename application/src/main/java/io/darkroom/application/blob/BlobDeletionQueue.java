package io.darkroom.application.blob;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Port: blob keys waiting to be removed, shared by every node. */
public interface BlobDeletionQueue {
    /** Records keys to remove; in the transaction that records the deletion. Idempotent. */
    void enqueue(Collection<String> blobKeys);

    /**
     * Records, in a transaction of its own, that {@code blobKey} is to be removed once
     * {@code grace} has passed: written before a new file is stored, so a crash before the
     * upload commits leaves no orphan forever.
     */
    void enqueueLater(String blobKey, java.time.Duration grace);

    /** Takes a key off the queue; in the transaction that records the upload using its file. */
    void cancel(String blobKey);

    /**
     * Takes up to {@code limit} due keys no other node is taking, hands them to {@code remover}, and
     * forgets them only if it returns normally (all in one transaction). Answers the keys taken.
     */
    List<String> drain(int limit, Consumer<List<String>> remover);
}
