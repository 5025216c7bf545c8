package io.darkroom.application.resource.upload;

import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.Labels;
import io.darkroom.domain.resource.Moderation;
import io.darkroom.domain.resource.Region;
import io.darkroom.domain.resource.ResourceType;

import java.util.List;

/**
 * An upload as the Upload API describes it. {@code resourceType} null means {@code auto};
 * {@code publicId} null means generated (or from the file name with {@code useFilename});
 * {@code placement} says where it is filed and what it is called;
 * {@code labels} null means the upload named no tags or context; {@code moderation} may be null;
 * {@code faces} and {@code custom} null leave those coordinates as they are; {@code incoming} is what happens to the file
 * before it is stored ({@link IncomingRules#NONE}: nothing).
 */
public record UploadRequest(String cloud, ResourceType resourceType, DeliveryType type, String publicId, UploadPlacement placement,
                            boolean useFilename, boolean uniqueFilename, boolean overwrite, Labels labels,
                            Moderation moderation, List<Region> faces, List<Region> custom, IncomingRules incoming,
                            StagedFile file) {
    public UploadRequest {
        incoming = incoming == null ? IncomingRules.NONE : incoming;
        placement = placement == null ? UploadPlacement.NONE : placement;
    }

    public boolean setsCoordinates() {
        return faces != null || custom != null;
    }

    public UploadRequest withFile(StagedFile staged) {
        return new UploadRequest(cloud, resourceType, type, publicId, placement, useFilename, uniqueFilename, overwrite, labels,
                moderation, faces, custom, incoming, staged);
    }
}
