package io.darkroom.application.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: where the bytes of every stored version, derived file and chunked-upload part live (a directory or an
 * S3-compatible bucket). Keys are slash-separated names. A stored file appears whole or not at all; a streamed blob is
 * named (by an event or a row) only once its store has returned, so no reader meets half of one. Failures of the store itself (unreachable, refusing) are thrown as an unavailable
 * {@link io.darkroom.application.support.DarkroomException}, which callers answer with a 503.
 */
public interface BlobStore {
    /** Moves {@code staged} in under {@code key} (replacing what was there); afterwards the staged path is gone. */
    void store(String key, Path staged) throws IOException;

    /**
     * Stores exactly {@code length} bytes read from {@code in} under {@code key}, streamed (never held whole in memory).
     * When {@code in} ends sooner, nothing is stored and {@link ShortInputException} says how many bytes came.
     */
    void store(String key, InputStream in, long length) throws IOException;

    /**
     * Stores under {@code key} the concatenation of {@code parts} (blobs of this store, in order) without their bytes
     * passing through this node, when the store can; answers false when it cannot (then nothing is stored and the caller
     * stores the bytes itself).
     */
    default boolean compose(String key, List<StoredBlob> parts) throws IOException {
        return false;
    }

    /** The bytes under {@code key}, or empty when there are none. */
    Optional<InputStream> open(String key) throws IOException;

    /** Bytes {@code first..last} (inclusive, {@code last} within the blob) under {@code key}, read without the rest. */
    Optional<InputStream> open(String key, long first, long last) throws IOException;

    /** Removes {@code key}; removing a missing key is fine. */
    void delete(String key) throws IOException;

    /** Removes every key (in as few requests as the store allows). */
    default void deleteAll(Collection<String> keys) throws IOException {
        for (String key : keys) {
            delete(key);
        }
    }

    /** Hands every stored blob whose key starts with {@code prefix} ("" for all) to {@code each}, in no particular order. */
    void list(String prefix, Consumer<StoredBlob> each) throws IOException;

    /** Throws when the store cannot be used right now (health checks). */
    void check() throws IOException;

    /** A stored blob's key and size. */
    record StoredBlob(String key, long bytes) {
    }

    static String keyOf(String cloud, String versionId) {
        return cloud + "/" + versionId.substring(0, 2) + "/" + versionId;
    }
}
