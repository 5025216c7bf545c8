package io.darkroom.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request parameters as every official SDK sends them: query string, form body (also on PUT and
 * DELETE), multipart fields, or a JSON body; lists as repeated {@code key[]} or a comma list;
 * booleans as {@code true}/{@code false}/{@code 1}/{@code 0}. Invalid values are a 400.
 */
public final class ApiParameters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_BODY = 1024 * 1024;

    private final Map<String, List<String>> values;

    private ApiParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ApiParameters of(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        // FormContentFilter's parameter maps may hold null entries (a name without a value)
        request.getParameterMap().forEach((key, array) -> values.put(key,
                java.util.Arrays.stream(array).map(v -> v == null ? "" : v).toList()));
        // multipart fields are decoded only now, after MalformedInputGuard has run
        refuseNul(values);
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            readJson(request, values);
        }
        return new ApiParameters(values);
    }

    /**
     * The query string's parameters and {@code fields} (read from a streamed multipart body); NUL
     * characters are refused as in {@link #of(HttpServletRequest)}.
     */
    public static ApiParameters ofFields(HttpServletRequest request, Map<String, List<String>> fields) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        fields.forEach((key, list) -> values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
        refuseNul(values);
        return new ApiParameters(values);
    }

    /** PostgreSQL text cannot hold U+0000: a name or value with it is a 400 before it reaches a query. */
    private static void refuseNul(Map<String, List<String>> values) {
        if (values.entrySet().stream().anyMatch(e -> e.getKey().indexOf('\0') >= 0
                || e.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0))) {
            throw DarkroomException.badRequest("Invalid request: NUL characters are not allowed in parameters");
        }
    }

    public static ApiParameters of(Map<String, List<String>> values) {
        return new ApiParameters(new LinkedHashMap<>(values));
    }

    private static void readJson(HttpServletRequest request, Map<String, List<String>> values) {
        try {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                throw DarkroomException.badRequest("JSON body is larger than " + MAX_JSON_BODY + " bytes");
            }
            if (body.length == 0) {
                return;
            }
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw DarkroomException.badRequest("JSON body must be an object");
            }
            root.properties().forEach(entry -> {
                JsonNode node = entry.getValue();
                List<String> list = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(item -> list.add(item.isValueNode() ? item.asText() : item.toString()));
                } else if (!node.isNull()) {
                    list.add(node.isValueNode() ? node.asText() : node.toString());
                }
                values.put(entry.getKey(), list);
            });
        } catch (IOException e) {
            throw DarkroomException.badRequest("Invalid JSON body");
        }
    }

    /** A name captured by a {@code {*name}} route segment (public id, tag): without its leading slash; 400 when empty. */
    public static String pathRest(String captured, String what) {
        String name = captured.startsWith("/") ? captured.substring(1) : captured;
        if (name.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - " + what);
        }
        return name;
    }

    /**
     * These parameters over {@code defaults}: a default applies where this request sends neither its name nor its
     * {@code name[]} list form (an upload preset's settings under the call's own parameters).
     */
    public ApiParameters withDefaults(Map<String, String> defaults) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        defaults.forEach((key, value) -> {
            if (!values.containsKey(key) && !values.containsKey(key + "[]")) {
                merged.put(key, List.of(value));
            }
        });
        merged.putAll(values);
        return new ApiParameters(merged);
    }

    /** Every parameter with its raw values, as signed by the Upload API. */
    public Map<String, List<String>> raw() {
        return values;
    }

    /** The single value of {@code name}, or null when absent or empty. */
    public String get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        String value = list.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value as sent, empty included (an empty coordinates value clears them); null when absent. */
    public String rawValue(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Values of {@code name[]} or {@code name}, each split on commas, blanks dropped; null when absent. */
    public List<String> list(String name) {
        List<String> raw = values.containsKey(name + "[]") ? values.get(name + "[]") : values.get(name);
        if (raw == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    public boolean bool(String name, boolean defaultValue) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw DarkroomException.badRequest("Invalid boolean value for " + name + ": " + value);
        };
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw DarkroomException.badRequest(name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw DarkroomException.badRequest("Invalid integer value for " + name + ": " + value);
        }
    }

    /** {@code asc}/{@code 1} true, {@code desc}/{@code -1} false, absent null (the endpoint's default). */
    public Boolean direction() {
        String value = get("direction");
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc", "1" -> true;
            case "desc", "-1" -> false;
            default -> throw DarkroomException.badRequest("Invalid direction: " + value + " (expected asc, desc, 1 or -1)");
        };
    }

    /**
     * A timestamp as RFC 1123 (what the SDKs send for a date object), ISO 8601 (with or without an
     * offset; UTC when absent), JavaScript's {@code Date.prototype.toString()}
     * ({@code Tue Dec 01 2026 19:58:47 GMT+0000 (Coordinated Universal Time)}), or epoch seconds.
     */
    public Instant instant(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        Instant parsed = Dates.parse(value.strip());
        if (parsed == null) {
            throw DarkroomException.badRequest("Invalid " + name + ": " + value
                    + " (expected an RFC 1123, ISO 8601 or JavaScript date)");
        }
        return parsed;
    }
}
