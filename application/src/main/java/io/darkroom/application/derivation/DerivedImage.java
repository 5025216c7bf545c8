package io.darkroom.application.derivation;

/** An encoded derived image and what it measures. */
public record DerivedImage(byte[] bytes, int width, int height, String format) {
}
