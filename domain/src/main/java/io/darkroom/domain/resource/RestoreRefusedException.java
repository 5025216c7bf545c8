package io.darkroom.domain.resource;

/** A restore that cannot be done: the version is unknown, its bytes are gone, or the trash retention has passed. */
public class RestoreRefusedException extends RuntimeException {
    public RestoreRefusedException(String message) {
        super(message, null, false, false);
    }
}
