package io.darkroom.application.resource.cleanup;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Port: blob keys waiting to be removed, shared by every node. */
public interface BlobDeletionQueue {
    /** Records keys to remove; in the transaction that records the deletion. Idempotent. */
    void enqueue(Collection<String> blobKeys);

    /**
     * Takes up to {@code limit} keys no other node is taking, hands them to {@code remover}, and
     * forgets them only if it returns normally (all in one transaction). Answers the keys taken.
     */
    List<String> drain(int limit, Consumer<List<String>> remover);
}
