package io.darkroom.application.resource.restore;

import io.darkroom.application.resource.ResourceKey;
import io.darkroom.domain.resource.MediaFacts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: reads of the versions read model. Another cloud's rows are never answered. */
public interface VersionQueries {
    /** The asset's versions, oldest first; empty for an unknown asset or one of another cloud. */
    List<StoredVersion> versions(String cloud, String assetId);

    /** The versions of several assets in one query, by asset, oldest first. */
    Map<String, List<StoredVersion>> versions(String cloud, Collection<String> assetIds);

    /** The facts of these versions (each of the asset at the same position), keyed by version id; missing ones are left out. */
    Map<String, MediaFacts> facts(String cloud, List<String> assetIds, List<String> versionIds);

    Optional<TrashedAsset> trashed(String cloud, String assetId);

    /** The trashed assets of the cloud among {@code assetIds}, by asset id. */
    Map<String, TrashedAsset> trashed(String cloud, Collection<String> assetIds);

    /** Trashed assets that last had these names, newest deletion first, by name. */
    Map<String, List<TrashedAsset>> trashedNamed(ResourceKey key, Collection<String> publicIds);

    /** Up to {@code limit} trashed assets of the cloud deleted before {@code before}, oldest first. */
    List<TrashedAsset> expired(String cloud, Instant before, int limit);

    /**
     * A page of the cloud's trash, newest deletion first: up to {@code limit} + 1 entries after the one deleted at
     * {@code afterDeletedAt} with {@code afterAssetId} (both null for the first page).
     */
    List<TrashedAsset> trash(String cloud, Instant afterDeletedAt, String afterAssetId, int limit);

    /** The clouds that have anything in the trash. */
    List<String> cloudsWithTrash();
}
