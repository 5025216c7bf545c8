package io.darkroom.application.resource.upload;

import java.nio.file.Path;

/**
 * Uploaded bytes written to a temporary file before anything is recorded.
 *
 * @param originalFilename the client's file name without directories (may be null)
 */
public record StagedFile(Path path, String originalFilename) {
}
