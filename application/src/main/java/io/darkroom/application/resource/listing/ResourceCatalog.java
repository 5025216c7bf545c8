package io.darkroom.application.resource.listing;

/**
 * Port: the write side of the listing read model, used only by {@link ResourceListingProjection}.
 * Every write is idempotent: applying the same event twice leaves the same rows.
 */
public interface ResourceCatalog {
    /** Insert or replace the resource, unless a newer version is already stored. */
    void saveUploaded(ResourceView resource, ResourceAnalysis analysis);

    /**
     * An asset back from the trash: its row as {@link #saveUploaded} writes it, then its coordinates. May be written when
     * the unit of work prepares to commit, with the unit's other restored rows.
     */
    void saveRestored(ResourceView resource, ResourceAnalysis analysis, java.util.List<java.util.List<Integer>> faces,
                      java.util.List<java.util.List<Integer>> custom);

    /**
     * Replace the file facts, tags and context of an existing resource, keeping its moderation, folder and display name
     * (null in {@code resource}); older versions are ignored.
     */
    void saveNewVersion(ResourceView resource, ResourceAnalysis analysis);

    /** The tags become {@code tags}; {@code added} and {@code removed} are the difference from the tags before. */
    void saveTags(String assetId, java.util.List<String> tags, java.util.List<String> added, java.util.List<String> removed);

    void saveContext(String assetId, java.util.Map<String, String> context);

    /** Coordinates as {@code [x, y, width, height]} lists. */
    void saveCoordinates(String assetId, java.util.List<java.util.List<Integer>> faces,
                         java.util.List<java.util.List<Integer>> custom);

    void saveModeration(String assetId, String kind, String status);

    void savePublicId(String assetId, String publicId, String assetFolder);

    void saveAssetFolder(String assetId, String assetFolder);

    void saveDisplayName(String assetId, String displayName);

    /** Remove the resource's rows; nothing happens when there are none. */
    void delete(String assetId);

    /** Remove every row, before a replay rebuilds them. */
    void clear();
}
