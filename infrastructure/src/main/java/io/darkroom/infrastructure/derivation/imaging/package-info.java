/** Deriving images with libvips (Debian's libvips42) in-process through JNA. */
package io.darkroom.infrastructure.derivation.imaging;
