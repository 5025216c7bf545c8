package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** The resource's moderation status was set (its queue is {@code moderationKind}). */
@Revision("1")
public record ResourceModerated(String assetId, String cloud, String resourceType, String type, String publicId,
                    String moderationKind, String moderationStatus) implements ResourceEvent {
}
