package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** The context changed; {@code context} is all of it now. */
@Revision("1")
public record ResourceContextChanged(String assetId, String cloud, String resourceType, String type, String publicId,
                    Map<String, String> context) implements ResourceEvent {
}
