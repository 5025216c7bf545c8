package io.darkroom.application.resource.upload;

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
    String claim(String cloud, String resourceType, String type, String publicId, String assetId);
}
