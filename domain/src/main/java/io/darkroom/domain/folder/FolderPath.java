package io.darkroom.domain.folder;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.Optional;

/**
 * A folder's full path, {@code ""} for the root. Leading and trailing slashes are dropped; at most 255 characters; no
 * empty, {@code .} or {@code ..} segment, no padded segment, and none of the characters Cloudinary refuses in folder names
 * ({@code ? & # \ % < > +}) or control characters.
 */
public record FolderPath(String value) {
    public static final int MAX_LENGTH = 255;
    public static final FolderPath ROOT = new FolderPath("");

    public FolderPath {
        if (value == null) {
            throw new InvalidValueException("Folder path must not be null");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("Folder path is longer than " + MAX_LENGTH + " characters: " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || "?&#\\%<>+".indexOf(c) >= 0) {
                throw new InvalidValueException("Folder path contains a character that is not allowed (" + printable(c) + "): "
                        + value);
            }
        }
        if (!value.isEmpty()) {
            for (String segment : value.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !segment.strip().equals(segment)) {
                    throw new InvalidValueException("Folder path has an empty, dot or padded segment: " + value);
                }
            }
        }
    }

    /** The path as callers write it: surrounding blanks and slashes do not count. */
    public static FolderPath of(String raw) {
        return new FolderPath(raw == null ? "" : raw.strip().replaceAll("^/+|/+$", ""));
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** The last segment ({@code ""} for the root). */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** The folder holding this one; empty for the root. */
    public Optional<FolderPath> parent() {
        if (isRoot()) {
            return Optional.empty();
        }
        int slash = value.lastIndexOf('/');
        return Optional.of(slash < 0 ? ROOT : new FolderPath(value.substring(0, slash)));
    }

    /** Whether {@code other} is this folder or inside it. */
    public boolean contains(FolderPath other) {
        return isRoot() || other.value.equals(value) || other.value.startsWith(value + "/");
    }

    /** {@code inside} (this folder or one below it) as it is named once this folder is called {@code to}. */
    public FolderPath movedTo(FolderPath to, FolderPath inside) {
        if (!contains(inside)) {
            throw new IllegalArgumentException(inside.value + " is not inside " + value);
        }
        String rest = inside.value.substring(value.length());
        return FolderPath.of(to.value + rest);
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    @Override
    public String toString() {
        return value;
    }
}
