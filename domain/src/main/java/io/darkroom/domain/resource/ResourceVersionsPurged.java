package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The bytes of these versions are removed for good: asked for ({@code DELETE /resources/backup/:asset_id}), or the
 * trash retention of a deleted asset passed ({@code expired}). {@code bytes} is their total size. The versions stay in
 * the history, no longer restorable.
 */
@Revision("1")
public record ResourceVersionsPurged(String assetId, String cloud, String resourceType, String type, String publicId,
                                     List<String> versionIds, long bytes, boolean expired) implements ResourceEvent {
}
