package io.darkroom.application.resource.restore;

import io.darkroom.domain.resource.MediaFacts;

import java.time.Instant;
import java.util.Collection;

/**
 * Port: the write side of the versions read model (every uploaded version with its facts, and the trash), used only by
 * {@link VersionProjection}. Every write is idempotent.
 */
public interface VersionCatalog {
    /** A version was uploaded: it becomes the asset's current one. */
    void added(String assetId, String cloud, String versionId, long version, Instant uploadedAt, MediaFacts facts);

    /** The version is current again; {@code fromTrash}: the asset also leaves the trash (one statement). */
    void restored(String assetId, String versionId, boolean fromTrash);

    /** The versions' bytes are gone; an asset left with nothing kept leaves the trash. */
    void purged(String assetId, Collection<String> versionIds, Instant at);

    void trashed(TrashedAsset asset);


    /** Remove every row, before a replay rebuilds them. */
    void clear();
}
