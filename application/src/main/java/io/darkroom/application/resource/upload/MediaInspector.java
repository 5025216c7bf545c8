package io.darkroom.application.resource.upload;

import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceType;

import java.nio.file.Path;

/** Port: measures a file from its bytes (kind, format, dimensions, hashes, colours, metadata). */
public interface MediaInspector {
    /** What the file is. Never fails on unknown bytes: those are a raw file. */
    Inspected inspect(Path file, String originalFilename);

    /** The kind the bytes are (an image only when it can be decoded) and the facts measured. */
    record Inspected(ResourceType kind, MediaFacts facts) {
    }
}
