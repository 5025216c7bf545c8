package io.darkroom.application.resource.upload.chunked;

import java.time.Duration;
import java.util.List;

/**
 * Port: the state of chunked uploads, shared by every node (parts of one upload may reach
 * different nodes). Every method but {@link #discardAbandoned} runs inside the caller's transaction.
 */
public interface PartialUploadStore {
    /** The upload {@code uploadId}, created for {@code cloud} if new, locked until the transaction ends. */
    PartialUpload lock(String uploadId, String cloud);

    /** Records a part and the total size (-1 when still unknown); marks the upload as active now. */
    void addPart(String uploadId, UploadPart part, long total);

    void markAssembling(String uploadId);

    /** Forgets the upload and answers its parts' blob keys (for the caller to queue for deletion). */
    List<String> remove(String uploadId);

    /**
     * Forgets, in a transaction of its own, every upload without a new part for {@code grace}, and
     * queues its parts' blobs for deletion in the same transaction. Answers how many uploads it removed.
     */
    int discardAbandoned(Duration grace);
}
