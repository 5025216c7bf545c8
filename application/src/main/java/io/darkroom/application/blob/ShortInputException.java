package io.darkroom.application.blob;

import java.io.IOException;

/** The input of {@link BlobStore#store(String, java.io.InputStream, long)} ended before the length it was to have. */
public class ShortInputException extends IOException {
    private final long received;

    public ShortInputException(long received, long expected) {
        super("the input ended after " + received + " of " + expected + " bytes");
        this.received = received;
    }

    public long received() {
        return received;
    }
}
