package io.darkroom.application.resource.upload.chunked;

import java.util.List;

/**
 * A chunked upload as locked for one transaction.
 *
 * @param cloud      the cloud whose key sent the first part
 * @param blobKey    what the keys of the upload's parts start with (see {@link #partKey})
 * @param total      the file's size once a part has named it, else -1
 * @param assembling true once the last missing part was written: the upload takes no more parts
 * @param parts      reserved and written parts, ordered by first byte
 */
public record PartialUpload(String cloud, String blobKey, long total, boolean assembling, List<UploadPart> parts) {
    /**
     * The blob of the part starting at byte {@code first}: the offset zero-padded, so a listing shows the parts in order.
     * (JdbcPartialUploadStore builds the same keys in SQL.)
     */
    public static String partKey(String blobKey, long first) {
        return blobKey + "/" + String.format(java.util.Locale.ROOT, "%013d", first);
    }

    /** Bytes of the parts written completely. */
    public long writtenBytes() {
        return parts.stream().filter(UploadPart::written).mapToLong(UploadPart::length).sum();
    }

    /** Every byte of the file is written (no gaps: written parts never overlap and lie inside the total). */
    public boolean complete() {
        return total >= 0 && writtenBytes() == total;
    }
}
