package io.darkroom.application.cloud;

import java.util.Map;

/** Each cloud's folder mode, from configuration; a cloud not named works in dynamic mode, as a new Cloudinary account. */
public final class FolderModes {
    private final Map<String, FolderMode> modes;

    public FolderModes(Map<String, FolderMode> modes) {
        this.modes = Map.copyOf(modes);
    }

    public FolderMode of(String cloud) {
        return modes.getOrDefault(cloud, FolderMode.DYNAMIC);
    }

    public boolean dynamic(String cloud) {
        return of(cloud) == FolderMode.DYNAMIC;
    }
}
