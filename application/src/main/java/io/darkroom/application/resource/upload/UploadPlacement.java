package io.darkroom.application.resource.upload;

/**
 * Where an upload is filed and what it is called, as the Upload API's parameters say (each null or false when not given):
 * {@code folder}, {@code asset_folder}, {@code display_name}, {@code public_id_prefix},
 * {@code use_asset_folder_as_public_id_prefix}, {@code use_filename_as_display_name}, {@code unique_display_name}.
 * In fixed folder mode only {@code folder} counts.
 */
public record UploadPlacement(String folder, String assetFolder, String displayName, String publicIdPrefix,
                              boolean useAssetFolderAsPublicIdPrefix, boolean useFilenameAsDisplayName,
                              boolean uniqueDisplayName) {
    public static final UploadPlacement NONE = new UploadPlacement(null, null, null, null, false, false, false);

    public static UploadPlacement inFolder(String folder) {
        return new UploadPlacement(folder, null, null, null, false, false, false);
    }

    /** Whether the upload names a folder or display name, so that a new version moves or renames the asset. */
    public boolean placesExplicitly() {
        return folder != null || assetFolder != null || displayName != null;
    }
}
