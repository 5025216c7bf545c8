package io.darkroom.application.derivation;

/** Port: the imaging engine. */
public interface ImageDeriver {
    /** Why the engine is not there (libvips may be missing on a machine: Darkroom still serves everything else), or empty. */
    java.util.Optional<String> unavailableReason();

    /**
     * Applies {@code plan} to the encoded image {@code original} and encodes the result as
     * {@code outputFormat}; {@code coordinates} are the resource's face and custom regions for the
     * gravities that use them. A 400 when the bytes are no image the engine decodes or the work runs
     * past the engine's time bound; when the engine is unavailable a clear error, never a crash.
     */
    DerivedImage derive(byte[] original, DerivationPlan plan, String outputFormat, Coordinates coordinates);
}
