package io.darkroom.api.resource.wire;

import io.darkroom.application.support.DarkroomException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the Upload and Admin APIs' context form: {@code key=value|key2=value2}, where {@code \=}
 * and {@code \|} stand for a literal {@code =} or {@code |} inside a key or value.
 */
public final class ContextParameter {
    private ContextParameter() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> context = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return context;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        boolean sawEquals = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '=' || text.charAt(i + 1) == '|')) {
                current.append(text.charAt(++i));
            } else if (c == '=' && !sawEquals) {
                sawEquals = true;
                current = value;
            } else if (c == '|') {
                put(context, key, value, sawEquals);
                key = new StringBuilder();
                value = new StringBuilder();
                current = key;
                sawEquals = false;
            } else {
                current.append(c);
            }
        }
        put(context, key, value, sawEquals);
        return context;
    }

    private static void put(Map<String, String> context, StringBuilder key, StringBuilder value, boolean sawEquals) {
        if (key.isEmpty() && value.isEmpty() && !sawEquals) {
            return;
        }
        if (!sawEquals || key.toString().isBlank()) {
            throw DarkroomException.badRequest("Invalid context: each entry must be key=value, got '" + key + "'");
        }
        context.put(key.toString(), value.toString());
    }
}
