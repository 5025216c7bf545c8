package io.darkroom.domain.resource;

/**
 * A command named a resource that does not exist for the caller: deleted, or of another cloud
 * (which callers must not be able to tell apart from missing).
 */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String publicId) {
        super("Resource not found - " + publicId, null, false, false);
    }
}
