package io.darkroom.domain.preset;

import io.darkroom.domain.cloud.CloudScopedId;

/** The aggregate id of a cloud's preset name ({@link CloudScopedId}). */
public final class UploadPresetId {
    private UploadPresetId() {
    }

    public static String of(String cloud, String name) {
        return CloudScopedId.of("up-", cloud, name);
    }
}
