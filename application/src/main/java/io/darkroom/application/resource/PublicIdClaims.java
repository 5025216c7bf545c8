package io.darkroom.application.resource;

/**
 * Port: the unique names of resources. A claim is written in the caller's transaction, so it
 * commits or rolls back with the event that takes the name; concurrent claims of one name
 * are serialized by a unique key, never by a check-then-act.
 */
public interface PublicIdClaims {
    /**
     * Claims the name for {@code assetId}. Answers the asset that holds the name afterwards:
     * {@code assetId} itself when the claim succeeded, the earlier holder otherwise.
     */
    String claim(ResourceKey key, String publicId, String assetId);

    /**
     * Claims several names of one cloud at once (a restore's batch): {@code claims} are resource type, type, public id
     * and asset id. Answers, by asset id, the asset that holds its name afterwards (itself when the claim succeeded).
     */
    java.util.Map<String, String> claimAll(String cloud, java.util.List<NameClaim> claims);

    /** One name wanted by one asset. */
    record NameClaim(String resourceType, String type, String publicId, String assetId) {
    }

    /** The assets holding these names, by name; names nobody holds are absent. Locks nothing. */
    java.util.Map<String, String> holders(ResourceKey key, java.util.Collection<String> publicIds);

    /**
     * Locks the claims of these assets until the transaction ends (so that deletes, renames and
     * overwrites of one name queue up on every node) and answers the assets still holding one.
     */
    java.util.Set<String> lock(java.util.Collection<String> assetIds);

    /** Frees every name these assets hold; in the transaction that records their deletion. */
    void release(java.util.Collection<String> assetIds);

    /** Moves an asset's claim to a new name it has already claimed: frees {@code oldPublicId}. */
    void releaseName(ResourceKey key, String oldPublicId, String assetId);
}
