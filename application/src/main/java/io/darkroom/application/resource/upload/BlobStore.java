package io.darkroom.application.resource.upload;

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

    static String keyOf(String cloud, String versionId) {
        return cloud + "/" + versionId.substring(0, 2) + "/" + versionId;
    }
}
