package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.support.DarkroomException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part's place in its file, from {@code Content-Range: bytes FIRST-LAST/TOTAL}.
 *
 * @param first first byte's offset
 * @param last  last byte's offset (inclusive); {@code first - 1} for the 0-byte file's {@code 0--1/0}
 * @param total the file's size, or -1 when the client does not know it yet (Node sends -1 until the last part)
 */
public record ByteRange(long first, long last, long total) {
    private static final Pattern HEADER = Pattern.compile("bytes\\s+(\\d{1,18})-(-1|\\d{1,18})/(-1|\\d{1,18})");

    public static ByteRange parse(String header) {
        Matcher m = HEADER.matcher(header.strip());
        if (!m.matches()) {
            throw invalid(header, "expected bytes FIRST-LAST/TOTAL");
        }
        ByteRange range = new ByteRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        if (range.length() < 0) {
            throw invalid(header, "the last byte comes before the first");
        }
        if (range.total >= 0 && range.last >= range.total) {
            throw invalid(header, "the range ends beyond the total size");
        }
        return range;
    }

    /** Bytes this part holds. */
    public long length() {
        return last - first + 1;
    }

    /** The part that ends the file: the only one that may be smaller than the minimum part size. */
    public boolean isFinal() {
        return total >= 0 && last + 1 == total;
    }

    private static DarkroomException invalid(String header, String why) {
        return DarkroomException.badRequest("Invalid Content-Range header '" + header + "': " + why);
    }
}
