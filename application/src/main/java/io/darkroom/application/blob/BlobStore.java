package io.darkroom.application.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Port: where the bytes of every stored version live. Keys are slash-separated names. */
public interface BlobStore {
    /** Moves {@code staged} in under {@code key}; afterwards the staged path is gone. */
    void store(String key, Path staged) throws IOException;

    /** The bytes under {@code key}, or empty when there are none. */
    Optional<InputStream> open(String key) throws IOException;

    void delete(String key) throws IOException;

    /**
     * Writes up to {@code maxBytes} from {@code in} into the blob {@code key} from byte {@code offset} on
     * (created if absent; other ranges of it may be written at the same time, by other nodes too);
     * answers how many bytes it wrote. The parts of a chunked upload are written this way.
     */
    long writeAt(String key, long offset, InputStream in, long maxBytes) throws IOException;

    /** Moves the blob {@code key} out to the local file {@code target} (replaced); afterwards the key holds nothing. */
    void moveOut(String key, Path target) throws IOException;

    static String keyOf(String cloud, String versionId) {
        return cloud + "/" + versionId.substring(0, 2) + "/" + versionId;
    }
}
