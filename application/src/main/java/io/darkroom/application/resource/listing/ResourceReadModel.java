package io.darkroom.application.resource.listing;

import io.darkroom.application.resource.ResourceKey;

import java.util.List;
import java.util.Optional;

/** Port: keyset queries over the listing read model. */
public interface ResourceReadModel {
    /** Up to {@code query.limit() + 1} rows in the query's order. */
    List<ResourceView> list(ListingQuery query);

    Optional<ResourceView> find(ResourceKey key, String publicId);

    Optional<ResourceView> findByAssetId(String cloud, String assetId);

    /** The cloud's resources among {@code assetIds}, in no particular order (unknown ids are left out). */
    List<ResourceView> findByAssetIds(String cloud, java.util.Collection<String> assetIds);

    ResourceAnalysis analysis(String assetId);

    /** The analyses of {@code assetIds} in one query (a search page with {@code image_metadata}); missing ones are left out. */
    java.util.Map<String, ResourceAnalysis> analyses(java.util.Collection<String> assetIds);

    /** Distinct tags of a resource type in ascending order, after {@code afterTag} (exclusive, may be null); up to {@code limit}. */
    List<String> tags(String cloud, String resourceType, String prefix, String afterTag, int limit);

    /** Every asset of the resource type that carries {@code tag}. */
    List<String> assetsTagged(String cloud, String resourceType, String tag);

    /** Whether an asset of the cloud in {@code assetFolder} is called {@code displayName} (for {@code unique_display_name}). */
    boolean displayNameTaken(String cloud, String assetFolder, String displayName);

    /** The resource types that hold at least one resource in the cloud. */
    List<String> resourceTypes(String cloud);
}
