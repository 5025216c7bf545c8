package io.darkroom.domain.transformation;

import io.darkroom.domain.cloud.CloudScopedId;

/** The aggregate id of a cloud's transformation name ({@link CloudScopedId}). */
public final class TransformationId {
    private TransformationId() {
    }

    public static String of(String cloud, String name) {
        return CloudScopedId.of("tr-", cloud, name);
    }
}
