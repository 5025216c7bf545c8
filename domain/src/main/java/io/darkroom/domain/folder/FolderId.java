package io.darkroom.domain.folder;

import io.darkroom.domain.cloud.CloudScopedId;

/** The aggregate id of a cloud's folder path ({@link CloudScopedId}). */
public final class FolderId {
    private FolderId() {
    }

    public static String of(String cloud, FolderPath path) {
        return CloudScopedId.of("fo-", cloud, path.value());
    }
}
