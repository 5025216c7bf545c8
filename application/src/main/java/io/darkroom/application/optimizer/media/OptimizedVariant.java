package io.darkroom.application.optimizer.media;

/** A stored derived version of a media key: made with {@code transformation} in {@code format}. */
public record OptimizedVariant(String cloud, String mediaId, String mediaKey, String variantId, String resourceType,
                               String transformation, String format, long bytes, int width, int height, String blobKey) {
}
