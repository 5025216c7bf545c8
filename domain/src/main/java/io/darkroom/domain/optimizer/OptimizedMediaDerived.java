package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/**
 * A Media Optimizer delivery made (and stored) a derived version of a media key: {@code variantId} names the
 * transformation and format it was made with.
 */
@Revision("1")
public record OptimizedMediaDerived(String mediaId, String cloud, String mediaKey, String resourceType, String variantId,
                                    String transformation, String format, long bytes, int width, int height, String blobKey) {
}
