package io.darkroom.application.resource.upload.chunked;

import java.util.List;

/**
 * The parts of one chunked upload received so far, as locked for the receiving transaction.
 *
 * @param cloud      the cloud whose key sent the first part
 * @param total      the file's size once a part has named it, else -1
 * @param assembling true once the last missing part arrived: the upload no longer takes parts
 * @param parts      ordered by first byte
 */
public record PartialUpload(String cloud, long total, boolean assembling, List<UploadPart> parts) {
    public long receivedBytes() {
        return parts.stream().mapToLong(UploadPart::length).sum();
    }
}
