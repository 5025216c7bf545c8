package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

/**
 * The name a resource is addressed by, unique per (cloud, resource type, delivery type).
 * At most 255 characters; slashes separate folders; no empty, {@code .} or {@code ..} segments
 * and none of the characters that break URLs ({@code ? # & % \ < >} and control characters).
 */
public record PublicId(String value) {
    public static final int MAX_LENGTH = 255;

    public PublicId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("public_id must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("public_id is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || "?#&%\\<>".indexOf(c) >= 0) {
                throw new InvalidValueException("public_id contains a character that is not allowed: " + value);
            }
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !segment.strip().equals(segment)) {
                throw new InvalidValueException("public_id has an empty, dot or padded folder segment: " + value);
            }
        }
    }

    public static PublicId of(String value) {
        return new PublicId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The folder: everything before the last slash ("" at the root). */
    public String folder() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? "" : value.substring(0, slash);
    }
}
