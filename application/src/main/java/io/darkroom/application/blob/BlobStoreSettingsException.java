package io.darkroom.application.blob;

/** The blob store's settings cannot work (no bucket, refused credentials); the message says what to change. */
public class BlobStoreSettingsException extends RuntimeException {
    public BlobStoreSettingsException(String message) {
        super(message, null, false, false);
    }
}
