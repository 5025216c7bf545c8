package io.darkroom.application.resource.upload.chunked;

import java.time.Duration;

/**
 * Port: the state of chunked uploads, shared by every node (parts of one upload may reach
 * different nodes). Every method but {@link #discardAbandoned} runs inside the caller's transaction.
 */
public interface PartialUploadStore {
    /**
     * The upload {@code uploadId}, locked until the transaction ends; created for {@code cloud} with
     * {@code newBlobKey} as what its parts' keys start with when it does not exist yet; null when it does not exist and
     * {@code newBlobKey} is null (the grace sweep discarded it).
     */
    PartialUpload lock(String uploadId, String cloud, String newBlobKey);

    /** Reserves bytes {@code first..last} (written = false), replacing a written twin; records the total (-1: unknown). */
    void reserve(String uploadId, long first, long last, long total);

    /** The reserved part starting at {@code first} now holds all its bytes. */
    void markWritten(String uploadId, long first);

    /** Takes back a reservation whose bytes could not be written. */
    void release(String uploadId, long first);

    void markAssembling(String uploadId);

    /** The upload is still in hand (its node is assembling it): the grace starts again. */
    void touch(String uploadId);

    /** Forgets the upload and answers its parts' blob keys (none when unknown), for the caller to queue for deletion. */
    java.util.List<String> remove(String uploadId);

    /**
     * Forgets, in a transaction of its own, every upload without a new part (or a {@link #touch}) for {@code grace}, and
     * queues its parts for deletion in the same transaction. Answers how many uploads it removed.
     */
    int discardAbandoned(Duration grace);
}
