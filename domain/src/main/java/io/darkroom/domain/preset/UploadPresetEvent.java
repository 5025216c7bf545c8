package io.darkroom.domain.preset;

/** Events of the {@link UploadPreset} aggregate. */
public sealed interface UploadPresetEvent permits UploadPresetCreated, UploadPresetUpdated, UploadPresetDeleted {
    String id();

    String cloud();

    String name();
}
