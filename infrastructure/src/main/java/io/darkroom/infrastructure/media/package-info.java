/** Measuring uploaded files: type detection, dimensions, perceptual hash, colours and metadata. */
package io.darkroom.infrastructure.media;
