package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.Locale;

/** What kind of media a resource holds; the wire name is the lowercase word in URLs. */
public enum ResourceType {
    IMAGE, VIDEO, RAW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromWire(String value) {
        for (ResourceType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new InvalidValueException("Invalid resource type: " + value);
    }
}
