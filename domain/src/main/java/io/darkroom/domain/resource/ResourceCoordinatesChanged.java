package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** Face and custom coordinates, as {@code [x, y, width, height]} lists, all of them now. */
@Revision("1")
public record ResourceCoordinatesChanged(String assetId, String cloud, String resourceType, String type, String publicId,
                    List<List<Integer>> faces, List<List<Integer>> custom) implements ResourceEvent {
}
