package io.darkroom.application.optimizer.media;

import java.util.Optional;

/** Port: the derived versions Media Optimizer deliveries stored, by media and variant. */
public interface OptimizedMediaCatalog {
    void save(OptimizedVariant variant);

    Optional<OptimizedVariant> find(String mediaId, String variantId);

    /** Removes every version of the media. */
    void removeAll(String mediaId);

    void clear();
}
