package io.darkroom.domain.resource;

/** A command named a resource of another cloud: treated by callers exactly like a missing resource. */
public class ResourceNotInCloudException extends RuntimeException {
    public ResourceNotInCloudException(String assetId) {
        super("Resource not found - " + assetId);
    }
}
