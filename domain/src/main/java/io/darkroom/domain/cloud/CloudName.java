package io.darkroom.domain.cloud;

import java.util.regex.Pattern;

/**
 * The name of a cloud, the tenant every asset belongs to (Cloudinary's {@code cloud_name}).
 * Lowercase letters, digits, {@code -} and {@code _}, 1 to 64 characters.
 */
public record CloudName(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public CloudName {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("Invalid cloud name: " + value);
        }
    }

    public static CloudName of(String value) {
        return new CloudName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
