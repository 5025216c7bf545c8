package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** The resource was deleted; {@code versionIds} name every stored version whose bytes must go. */
@Revision("1")
public record ResourceDeleted(String assetId, String cloud, String resourceType, String type, String publicId,
                    List<String> versionIds) implements ResourceEvent {
}
