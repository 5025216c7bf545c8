package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.support.DarkroomException;

/**
 * Whether a part fits the upload it names: same cloud, same total, inside the file, no overlap with
 * another part (a part sent again with the same range, as a client's retry, rewrites its twin).
 */
final class PartRules {
    private PartRules() {
    }

    static void check(PartialUpload upload, String cloud, ByteRange range) {
        if (!upload.cloud().equals(cloud)) {
            throw DarkroomException.badRequest("Invalid X-Unique-Upload-Id: the upload belongs to another cloud");
        }
        if (upload.assembling()) {
            throw DarkroomException.badRequest("Chunked upload already complete: every part was received");
        }
        if (upload.total() >= 0 && range.total() >= 0 && upload.total() != range.total()) {
            throw DarkroomException.badRequest("Content-Range total " + range.total() + " differs from the total "
                    + upload.total() + " of earlier parts");
        }
        long total = upload.total() >= 0 ? upload.total() : range.total();
        if (total >= 0 && range.last() >= total) {
            throw DarkroomException.badRequest("Content-Range bytes " + range.first() + "-" + range.last()
                    + " lie beyond the end of the " + total + "-byte file");
        }
        for (UploadPart part : upload.parts()) {
            if (part.sameRange(range) && !part.written()) {
                throw DarkroomException.badRequest("Content-Range bytes " + range.first() + "-" + range.last()
                        + " are being received by another request");
            }
            if (!part.sameRange(range) && part.overlaps(range)) {
                throw DarkroomException.badRequest("Content-Range bytes " + range.first() + "-" + range.last()
                        + " overlap the part already received at bytes " + part.first() + "-" + part.last());
            }
            if (total >= 0 && part.last() >= total) {
                throw DarkroomException.badRequest("Content-Range total " + total + " is smaller than the parts already received");
            }
        }
    }
}
