package io.darkroom.application.transformation.derive;

/** Port: the imaging engine. */
public interface ImageDeriver {
    /** Why the engine is not there (libvips may be missing on a machine: Darkroom still serves everything else), or empty. */
    java.util.Optional<String> unavailableReason();

    /**
     * Applies {@code plan} to the encoded image {@code original}; a 400 when the bytes are no image
     * the engine decodes, and when the engine is unavailable a clear error, never a crash.
     */
    DerivedImage derive(byte[] original, String originalFormat, DerivationPlan plan);
}
