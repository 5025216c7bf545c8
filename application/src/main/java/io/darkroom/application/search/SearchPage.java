package io.darkroom.application.search;

import io.darkroom.application.resource.listing.ResourceView;

import java.util.List;
import java.util.Map;

/**
 * A page of a search: the resources, the number matching in all, the counts asked for (aggregate name to value to
 * count), and the position after the last resource when more may follow (null at the end).
 */
public record SearchPage(List<ResourceView> resources, long totalCount, Map<String, Map<String, Long>> aggregations,
                         List<String> after) {
}
