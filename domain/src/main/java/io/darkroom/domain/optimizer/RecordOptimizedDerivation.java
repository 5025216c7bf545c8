package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a derived version of a media key (once per variant). */
public record RecordOptimizedDerivation(@TargetAggregateIdentifier String mediaId, String cloud, String mediaKey, String resourceType,
                                        String variantId, String transformation, String format, long bytes, int width, int height,
                                        String blobKey) {
}
