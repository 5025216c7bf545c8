package io.darkroom.application.resource.listing;

/**
 * Port: the write side of the listing read model, used only by {@link ResourceListingProjection}.
 * Every write is idempotent: applying the same event twice leaves the same rows.
 */
public interface ResourceCatalog {
    /** Insert or replace the resource, unless a newer version is already stored. */
    void saveUploaded(ResourceView resource, ResourceAnalysis analysis);

    /** Replace the file facts, tags and context of an existing resource, keeping its moderation; older versions are ignored. */
    void saveNewVersion(ResourceView resource, ResourceAnalysis analysis);

    /** Remove every row, before a replay rebuilds them. */
    void clear();
}
