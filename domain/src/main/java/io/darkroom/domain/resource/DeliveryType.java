package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.Locale;

/** How a resource is delivered ({@code type} on the wire): public, private or authenticated uploads. */
public enum DeliveryType {
    UPLOAD, PRIVATE, AUTHENTICATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryType fromWire(String value) {
        for (DeliveryType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new InvalidValueException("Invalid type: " + value + " (expected upload, private or authenticated)");
    }
}
