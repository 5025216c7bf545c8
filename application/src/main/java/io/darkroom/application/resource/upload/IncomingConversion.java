package io.darkroom.application.resource.upload;

import io.darkroom.domain.transformation.Transformation;

import java.nio.file.Path;

/** Port: turns an uploaded image into what is stored (an incoming transformation, a format conversion). */
public interface IncomingConversion {
    /**
     * Writes {@code original} transformed by {@code transformation} (null: unchanged) and encoded as {@code format} to a new
     * file beside it and answers that file; the caller deletes both. Bounded like every derivation (pixels, time, slots).
     */
    Path convert(String cloud, Path original, Transformation transformation, String format);
}
