package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tags and context attached to a resource, validated against Darkroom's limits:
 * up to {@value #MAX_TAGS} tags of at most {@value #MAX_TAG_LENGTH} characters; up to
 * {@value #MAX_CONTEXT_ENTRIES} context entries, keys of at most {@value #MAX_CONTEXT_KEY_LENGTH}
 * and values of at most {@value #MAX_CONTEXT_VALUE_LENGTH} characters. Tags keep their first order, without repeats.
 */
public record Labels(List<String> tags, Map<String, String> context) {
    public static final int MAX_TAGS = 1000;
    public static final int MAX_TAG_LENGTH = 255;
    public static final int MAX_CONTEXT_ENTRIES = 100;
    public static final int MAX_CONTEXT_KEY_LENGTH = 128;
    public static final int MAX_CONTEXT_VALUE_LENGTH = 1024;

    public static final Labels NONE = new Labels(List.of(), Map.of());

    public Labels {
        tags = normalizeTags(tags);
        context = validateContext(context);
    }

    private static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_TAG_LENGTH) {
                throw new InvalidValueException("Tag is longer than " + MAX_TAG_LENGTH + " characters");
            }
            unique.add(trimmed);
        }
        if (unique.size() > MAX_TAGS) {
            throw new InvalidValueException("Too many tags: " + unique.size() + " (maximum " + MAX_TAGS + ")");
        }
        return List.copyOf(unique);
    }

    private static Map<String, String> validateContext(Map<String, String> context) {
        if (context == null) {
            return Map.of();
        }
        if (context.size() > MAX_CONTEXT_ENTRIES) {
            throw new InvalidValueException("Too many context entries: " + context.size() + " (maximum " + MAX_CONTEXT_ENTRIES + ")");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_CONTEXT_KEY_LENGTH) {
                throw new InvalidValueException("Context keys must be 1 to " + MAX_CONTEXT_KEY_LENGTH + " characters");
            }
            String safeValue = value == null ? "" : value;
            if (safeValue.length() > MAX_CONTEXT_VALUE_LENGTH) {
                throw new InvalidValueException("Context value of '" + key + "' is longer than " + MAX_CONTEXT_VALUE_LENGTH + " characters");
            }
            copy.put(key, safeValue);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
