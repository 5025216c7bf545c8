package io.darkroom.domain.cloud;

/** A value object was given a value it cannot hold; the message is safe to show to the caller. */
public class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }
}
