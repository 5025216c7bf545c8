package io.darkroom.domain.resource;

import java.time.Instant;

/**
 * Versions are upload times in epoch seconds, as Cloudinary's are, but must grow strictly:
 * two uploads within one second (or a clock stepping back) still get distinct, ordered versions.
 */
final class VersionPolicy {
    private VersionPolicy() {
    }

    static long next(long previousVersion, Instant uploadedAt) {
        return Math.max(uploadedAt.getEpochSecond(), previousVersion + 1);
    }
}
