package io.darkroom.application.cloud;

import java.util.Locale;

/**
 * How a cloud files its assets. {@code DYNAMIC} (Cloudinary accounts since 2024): an asset's folder and display name are
 * its own, apart from its public id. {@code FIXED} (older accounts): the public id's path is the folder.
 */
public enum FolderMode {
    DYNAMIC, FIXED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code dynamic} or {@code fixed}, as configured; anything else is a configuration error. */
    public static FolderMode fromSetting(String value) {
        for (FolderMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("folder mode must be dynamic or fixed, not " + value);
    }
}
