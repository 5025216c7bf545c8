package io.darkroom.application.derivation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the derived files read model, written only by {@link DerivedResourceProjection}. */
public interface DerivedResourceCatalog {
    void save(DerivedResource derived, Instant createdAt);

    /** Forgets the asset's derived files and answers their blob keys. */
    List<String> removeAll(String assetId);

    void remove(List<String> derivedIds);

    void clear();

    Optional<DerivedResource> find(String derivedId);

    /** Those of {@code derivedIds} that exist. */
    List<DerivedResource> findAll(List<String> derivedIds);

    /** Which of {@code transformations} (canonical, as URLs name them) have derived files in the cloud. */
    java.util.Set<String> usedAmong(String cloud, java.util.Collection<String> transformations);

    /** Derived files made with {@code transformation} in the cloud, in id order, up to {@code limit}. */
    List<DerivedResource> ofTransformation(String cloud, String transformation, int limit);

    /** The asset's derived files in id order, after {@code afterId} (exclusive, may be null), up to {@code limit}. */
    List<DerivedResource> ofAsset(String assetId, String afterId, int limit);

    /** Every derived file of {@code assetIds}. */
    List<DerivedResource> ofAssets(java.util.Collection<String> assetIds);
}
