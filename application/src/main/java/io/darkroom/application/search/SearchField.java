package io.darkroom.application.search;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields a search expression may name, and what kind of value each holds. {@code context.KEY} is {@link #CONTEXT}
 * with the key beside it. {@code folder} and {@code asset_folder} are one field; {@code uploaded_at} and
 * {@code created_at} are one time (a resource's current version's upload).
 */
public enum SearchField {
    PUBLIC_ID(Kind.KEYWORD), ASSET_ID(Kind.KEYWORD), ASSET_FOLDER(Kind.FOLDER), DISPLAY_NAME(Kind.KEYWORD),
    FILENAME(Kind.KEYWORD), RESOURCE_TYPE(Kind.KEYWORD), TYPE(Kind.KEYWORD), FORMAT(Kind.KEYWORD), STATUS(Kind.KEYWORD),
    MODERATION_STATUS(Kind.KEYWORD), MODERATION_KIND(Kind.KEYWORD), BYTES(Kind.SIZE), WIDTH(Kind.NUMBER),
    HEIGHT(Kind.NUMBER), PIXELS(Kind.NUMBER), PAGES(Kind.NUMBER), ASPECT_RATIO(Kind.RATIO), CREATED_AT(Kind.TIME),
    TAGS(Kind.TAGS), CONTEXT(Kind.CONTEXT);

    /** What a field's values are, which decides the operators and value forms it takes. */
    public enum Kind { KEYWORD, FOLDER, NUMBER, SIZE, RATIO, TIME, TAGS, CONTEXT }

    private final Kind kind;

    SearchField(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean ordered() {
        return kind == Kind.NUMBER || kind == Kind.SIZE || kind == Kind.RATIO || kind == Kind.TIME || kind == Kind.KEYWORD
                || kind == Kind.FOLDER;
    }

    /** The field a name in an expression means ({@code context.KEY}: {@link #CONTEXT}); empty when there is none. */
    public static Optional<SearchField> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("context.") && lower.length() > "context.".length()) {
            return Optional.of(CONTEXT);
        }
        switch (lower) {
            case "folder":
            case "asset_folder":
                return Optional.of(ASSET_FOLDER);
            case "uploaded_at":
            case "created_at":
                return Optional.of(CREATED_AT);
            case "tag":
                return Optional.of(TAGS);
            case "context":
                return Optional.empty();
            default:
                for (SearchField field : values()) {
                    if (field.name().toLowerCase(Locale.ROOT).equals(lower)) {
                        return Optional.of(field);
                    }
                }
                return Optional.empty();
        }
    }
}
