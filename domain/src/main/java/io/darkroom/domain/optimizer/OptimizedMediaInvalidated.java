package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Every derived version of a media key was dropped (its stored files go too); the next request derives again. */
@Revision("1")
public record OptimizedMediaInvalidated(String mediaId, String cloud, String mediaKey, List<String> variantIds,
                                        List<String> blobKeys, long bytes) {
}
