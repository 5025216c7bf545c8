package io.darkroom.application.resource.upload;

import io.darkroom.application.blob.BlobStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Uploaded bytes written to a temporary file before anything is recorded.
 *
 * @param originalFilename the client's file name without directories (may be null)
 * @param storedParts      blobs already in the store that hold these bytes in order (a chunked upload's parts), so the
 *                         store may compose the file from them instead of receiving it again; empty for other uploads
 */
public record StagedFile(Path path, String originalFilename, List<BlobStore.StoredBlob> storedParts) {
    public StagedFile {
        storedParts = storedParts == null ? List.of() : List.copyOf(storedParts);
    }

    public StagedFile(Path path, String originalFilename) {
        this(path, originalFilename, List.of());
    }

    public StagedFile withOriginalFilename(String filename) {
        return new StagedFile(path, filename, storedParts);
    }
}
