package io.darkroom.application.resource.upload.chunked;

/** A stored part: bytes {@code first..last} (inclusive) of the file, in the blob store under {@code blobKey}. */
public record UploadPart(long first, long last, String blobKey) {
    public long length() {
        return last - first + 1;
    }

    boolean overlaps(ByteRange range) {
        return first <= range.last() && range.first() <= last;
    }
}
