package io.darkroom.application.resource.upload.chunked;

import java.util.List;

/**
 * A chunked upload as locked for one transaction.
 *
 * @param cloud      the cloud whose key sent the first part
 * @param blobKey    the file the parts are written into, each at its offset
 * @param total      the file's size once a part has named it, else -1
 * @param assembling true once the last missing part was written: the upload takes no more parts
 * @param parts      reserved and written parts, ordered by first byte
 */
public record PartialUpload(String cloud, String blobKey, long total, boolean assembling, List<UploadPart> parts) {
    /** Bytes of the parts written completely. */
    public long writtenBytes() {
        return parts.stream().filter(UploadPart::written).mapToLong(UploadPart::length).sum();
    }

    /** Every byte of the file is written (no gaps: written parts never overlap and lie inside the total). */
    public boolean complete() {
        return total >= 0 && writtenBytes() == total;
    }
}
