package io.darkroom.application.resource.upload;

import java.nio.file.Path;

/**
 * Uploaded bytes written to a temporary file before anything is recorded.
 *
 * @param originalFilename the client's file name without directories (may be null)
 * @param md5              the file's MD5 in hex when already known (a chunked upload digests its parts
 *                         as they arrive), else null
 */
public record StagedFile(Path path, String originalFilename, String md5) {
    public StagedFile(Path path, String originalFilename) {
        this(path, originalFilename, null);
    }
}
