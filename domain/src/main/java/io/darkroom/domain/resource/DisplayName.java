package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

/** An asset's name for people (dynamic folder mode): any text of 1 to 255 characters without control characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 255;

    public DisplayName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("display_name must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("display_name is longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidValueException("display_name contains a control character");
        }
    }

    public static DisplayName of(String value) {
        return new DisplayName(value);
    }

    /** The last segment of the public id: what an asset is called when nobody named it. */
    public static DisplayName from(PublicId publicId) {
        String value = publicId.value();
        return new DisplayName(value.substring(value.lastIndexOf('/') + 1));
    }
}
