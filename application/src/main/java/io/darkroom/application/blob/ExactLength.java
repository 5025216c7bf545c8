package io.darkroom.application.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The first {@code length} bytes of a stream, and then its end; a stream that ends sooner throws
 * {@link ShortInputException} instead of ending. Bytes after the first {@code length} are left unread.
 */
public final class ExactLength extends FilterInputStream {
    private final long length;
    private long left;
    private ShortInputException ended;

    public ExactLength(InputStream in, long length) {
        super(in);
        this.length = length;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            ended = new ShortInputException(length - left, length);
            throw ended;
        }
        left -= n;
        return n;
    }

    /** Whether the stream ended short (what a client library may have wrapped or swallowed). */
    public java.util.Optional<ShortInputException> endedShort() {
        return java.util.Optional.ofNullable(ended);
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
