package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.resource.upload.StagedFile;

/**
 * What a received part leads to: more parts expected, or the whole file assembled into a staged
 * file (which the caller uploads and then hands to {@link ChunkedUploads#finish}).
 *
 * @param receivedBytes bytes received so far, this part included
 * @param totalBytes    the file's size, -1 while no part has named it
 * @param assembled     the whole file, null while parts are missing
 */
public record ChunkProgress(String uploadId, long receivedBytes, long totalBytes, StagedFile assembled) {
    public boolean complete() {
        return assembled != null;
    }
}
