package io.darkroom.application.resource.restore;

import java.time.Instant;

/**
 * One uploaded version of an asset as the versions read model holds it: {@code purgedAt} is when its bytes were
 * removed for good (null while they are kept, so it is restorable).
 */
public record StoredVersion(String assetId, String versionId, long version, Instant uploadedAt, String format, long bytes,
                            boolean current, Instant purgedAt) {
    public boolean restorable() {
        return purgedAt == null;
    }
}
