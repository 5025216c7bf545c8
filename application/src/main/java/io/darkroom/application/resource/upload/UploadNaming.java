package io.darkroom.application.resource.upload;

import io.darkroom.application.cloud.FolderMode;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;

/**
 * Names an upload the way Cloudinary does. The public id's own part: the given one, else the file name (with
 * {@code use_filename}, plus a random suffix unless {@code unique_filename} is off), else 20 random characters; raw files
 * keep their extension in the id.
 * <p>
 * Fixed folder mode: {@code folder} prefixes the public id, whose path is the asset folder and whose last segment the
 * display name. Dynamic mode: {@code asset_folder} (or else {@code folder}) is the asset folder and does not touch the
 * public id, which {@code public_id_prefix} or, with {@code use_asset_folder_as_public_id_prefix}, the asset folder
 * prefixes; the display name is {@code display_name}, else the original file name with
 * {@code use_filename_as_display_name}, else the public id's last segment.
 */
final class UploadNaming {
    private UploadNaming() {
    }

    /** What the upload is called and where it is filed. */
    record Naming(PublicId publicId, FolderPath assetFolder, DisplayName displayName) {
    }

    static Naming choose(UploadRequest request, FolderMode mode, ResourceType kind, String format, IdGenerator ids) {
        UploadPlacement placement = request.placement();
        String base = base(request, kind, format, ids);
        if (mode == FolderMode.FIXED) {
            PublicId publicId = PublicId.of(prefixed(FolderPath.of(placement.folder()).value(), base));
            return new Naming(publicId, FolderPath.of(publicId.folder()), DisplayName.from(publicId));
        }
        FolderPath assetFolder = FolderPath.of(placement.assetFolder() != null ? placement.assetFolder() : placement.folder());
        String prefix = placement.publicIdPrefix() != null ? FolderPath.of(placement.publicIdPrefix()).value()
                : placement.useAssetFolderAsPublicIdPrefix() ? assetFolder.value() : "";
        PublicId publicId = PublicId.of(prefixed(prefix, base));
        return new Naming(publicId, assetFolder, displayName(request, publicId));
    }

    private static String base(UploadRequest request, ResourceType kind, String format, IdGenerator ids) {
        if (request.publicId() != null && !request.publicId().isBlank()) {
            return request.publicId().strip();
        }
        String fromFile = request.useFilename() ? sanitize(request.file().originalFilename()) : "";
        String base;
        if (fromFile.isEmpty()) {
            base = ids.lowerAlphanumeric(20);
        } else {
            base = request.uniqueFilename() ? fromFile + "_" + ids.lowerAlphanumeric(6) : fromFile;
        }
        return kind == ResourceType.RAW && !format.isEmpty() ? base + "." + format : base;
    }

    private static DisplayName displayName(UploadRequest request, PublicId publicId) {
        UploadPlacement placement = request.placement();
        if (placement.displayName() != null && !placement.displayName().isBlank()) {
            return DisplayName.of(placement.displayName().strip());
        }
        String filename = request.file() == null ? null : request.file().originalFilename();
        if (placement.useFilenameAsDisplayName() && filename != null && !stem(filename).isBlank()) {
            return DisplayName.of(stem(filename).strip());
        }
        return DisplayName.from(publicId);
    }

    /** {@code name} with a random suffix, for {@code unique_display_name} when another asset of the folder has it. */
    static DisplayName unique(DisplayName name, IdGenerator ids) {
        String suffix = "_" + ids.lowerAlphanumeric(6);
        String value = name.value();
        return DisplayName.of(value.length() + suffix.length() > DisplayName.MAX_LENGTH
                ? value.substring(0, DisplayName.MAX_LENGTH - suffix.length()) + suffix : value + suffix);
    }

    private static String prefixed(String prefix, String base) {
        return prefix.isEmpty() ? base : prefix + "/" + base;
    }

    private static String stem(String filename) {
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String name = filename.substring(slash + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private static String sanitize(String filename) {
        if (filename == null) {
            return "";
        }
        return stem(filename).replaceAll("[^A-Za-z0-9_\\-]+", "_").replaceAll("^_+|_+$", "");
    }
}
