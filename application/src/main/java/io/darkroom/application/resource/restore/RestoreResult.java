package io.darkroom.application.resource.restore;

import io.darkroom.application.resource.listing.ResourceView;

import java.util.List;
import java.util.Map;

/**
 * A restore call's answer per id ({@code ids} in the order asked): the resource as it now is, or why it was not restored.
 */
public record RestoreResult(Map<String, ResourceView> resources, Map<String, String> errors, List<String> ids) {
}
