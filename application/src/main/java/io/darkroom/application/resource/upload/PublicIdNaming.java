package io.darkroom.application.resource.upload;

import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;

/**
 * Chooses the public id of an upload the way Cloudinary does: the given one, else the file
 * name (with {@code use_filename}, plus a random suffix unless {@code unique_filename} is off),
 * else 20 random characters; inside {@code folder}. Raw files keep their extension in the id.
 */
final class PublicIdNaming {
    private PublicIdNaming() {
    }

    static PublicId choose(UploadRequest request, ResourceType kind, String format, IdGenerator ids) {
        String base;
        if (request.publicId() != null && !request.publicId().isBlank()) {
            base = request.publicId().strip();
        } else {
            String fromFile = request.useFilename() ? sanitize(request.file().originalFilename()) : "";
            if (fromFile.isEmpty()) {
                base = ids.lowerAlphanumeric(20);
            } else {
                base = request.uniqueFilename() ? fromFile + "_" + ids.lowerAlphanumeric(6) : fromFile;
            }
            if (kind == ResourceType.RAW && !format.isEmpty()) {
                base = base + "." + format;
            }
        }
        String folder = request.folder() == null ? "" : request.folder().strip().replaceAll("^/+|/+$", "");
        return PublicId.of(folder.isEmpty() ? base : folder + "/" + base);
    }

    private static String sanitize(String filename) {
        if (filename == null) {
            return "";
        }
        String stem = filename.contains(".") ? filename.substring(0, filename.lastIndexOf('.')) : filename;
        return stem.replaceAll("[^A-Za-z0-9_\\-]+", "_").replaceAll("^_+|_+$", "");
    }
}
