package io.darkroom.application.blob;

import java.io.IOException;
import java.nio.file.Path;

/** A blob store that an installation's blobs can be copied into, each copy checked ({@code blobs copy}). */
public interface CopyableBlobStore extends BlobStore {
    /**
     * Copies a local file in under {@code key} (the file stays), its MD5 checked by the store where it can and kept with
     * the copy; answers the stored size as the store reports it.
     */
    long copyIn(String key, Path file, byte[] md5) throws IOException;

    /** Whether {@code key} holds a copy made by {@link #copyIn} of bytes with this MD5 and size. */
    boolean holdsCopy(String key, byte[] md5, long size) throws IOException;
}
