package io.darkroom.application.resource.upload;

import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceView;

/** The resource after an upload; {@code existing} when overwrite was off and the name was taken. */
public record UploadOutcome(ResourceView resource, ResourceAnalysis analysis, boolean existing) {
}
