package io.darkroom.application.resource.upload.chunked;

/**
 * A part's bytes {@code first..last} (inclusive) in its upload's file; {@code written} once they are
 * all there (a reserved part is being written by the request that reserved it).
 */
public record UploadPart(long first, long last, boolean written) {
    public long length() {
        return last - first + 1;
    }

    boolean overlaps(ByteRange range) {
        return first <= range.last() && range.first() <= last;
    }

    boolean sameRange(ByteRange range) {
        return first == range.first() && last == range.last();
    }
}
