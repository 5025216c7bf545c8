package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.regex.Pattern;

/** The immutable identity of a resource: 32 lowercase hex characters, never reused. */
public record AssetId(String value) {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    public AssetId {
        if (value == null || !HEX32.matcher(value).matches()) {
            throw new InvalidValueException("Invalid asset_id: " + value);
        }
    }

    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
