package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** The tags changed: the full list now, and what was added and removed. */
@Revision("1")
public record ResourceTagsChanged(String assetId, String cloud, String resourceType, String type, String publicId,
                    List<String> tags, List<String> added, List<String> removed) implements ResourceEvent {
}
