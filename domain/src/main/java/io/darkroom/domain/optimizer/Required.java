package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The small rules every part of the Media Optimizer's setup applies to the values it is given. */
final class Required {
    private Required() {
    }

    static String value(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Missing required parameter - " + parameter);
        }
        return value;
    }

    static String name(String displayName) {
        return value(displayName, "display_name");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A config as given, in its order, unchangeable. */
    static Map<String, Object> ordered(Map<String, Object> config) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
