package io.darkroom.application.notification;

import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;

import java.time.Instant;

/** Port: the JSON bodies of notifications, in Cloudinary's shapes (the asset's fields as the upload answer has them). */
public interface NotificationBodies {
    byte[] uploaded(ResourceUploaded event, Instant at, String requestId);

    byte[] versionUploaded(ResourceVersionUploaded event, String assetFolder, Instant at, String requestId);

    byte[] renamed(ResourceRenamed event, Instant at, String requestId);

    byte[] deleted(ResourceDeleted event, Instant at, String requestId);

    byte[] moved(io.darkroom.domain.resource.ResourceMoved event, Instant at, String requestId);

    byte[] displayNameChanged(io.darkroom.domain.resource.ResourceDisplayNameChanged event, Instant at, String requestId);
}
