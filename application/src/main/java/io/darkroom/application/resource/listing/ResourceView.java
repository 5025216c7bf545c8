package io.darkroom.application.resource.listing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One resource as the read model holds it: what listings and details show. {@code createdAt}
 * is the time of the current version's upload, kept at microsecond precision (PostgreSQL's).
 * Moderation fields are null when the resource is not moderated. {@code assetFolder} is where it is filed ({@code ""} at
 * the root) and {@code displayName} its name for people.
 */
public record ResourceView(String assetId, String cloud, String resourceType, String type, String publicId,
                           String format, long version, String versionId, int width, int height, int pages,
                           long bytes, String etag, Instant createdAt, List<String> tags, Map<String, String> context,
                           String moderationKind, String moderationStatus, String originalFilename,
                           String assetFolder, String displayName) {
    public ResourceView withTags(List<String> newTags) {
        return new ResourceView(assetId, cloud, resourceType, type, publicId, format, version, versionId, width, height, pages,
                bytes, etag, createdAt, newTags, context, moderationKind, moderationStatus, originalFilename,
                assetFolder, displayName);
    }

    public ResourceView withContext(Map<String, String> newContext) {
        return new ResourceView(assetId, cloud, resourceType, type, publicId, format, version, versionId, width, height, pages,
                bytes, etag, createdAt, tags, newContext, moderationKind, moderationStatus, originalFilename,
                assetFolder, displayName);
    }

    public ResourceView withModeration(String kind, String status) {
        return new ResourceView(assetId, cloud, resourceType, type, publicId, format, version, versionId, width, height, pages,
                bytes, etag, createdAt, tags, context, kind, status, originalFilename, assetFolder, displayName);
    }

    public ResourceView withPublicId(String newPublicId, String newAssetFolder) {
        return new ResourceView(assetId, cloud, resourceType, type, newPublicId, format, version, versionId, width, height, pages,
                bytes, etag, createdAt, tags, context, moderationKind, moderationStatus, originalFilename,
                newAssetFolder, displayName);
    }

    public ResourceView withDisplayName(String newDisplayName) {
        return new ResourceView(assetId, cloud, resourceType, type, publicId, format, version, versionId, width, height, pages,
                bytes, etag, createdAt, tags, context, moderationKind, moderationStatus, originalFilename,
                assetFolder, newDisplayName);
    }
}
