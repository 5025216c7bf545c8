package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a media source's originals come from, with the {@code config} fields each type takes: those it requires, those
 * it may have, and the secrets among them (stored encrypted, shown as {@code "encrypted"}).
 */
public enum UriType {
    HTTP(List.of(), List.of(), Set.of()),
    S3(List.of("s3_bucket_name", "s3_access_key", "s3_secret_key"), List.of("s3_bucket_folder", "s3_uri_template"),
            Set.of("s3_access_key", "s3_secret_key")),
    GS(List.of("gs_bucket_name", "gs_service_account_key"), List.of("gs_bucket_folder", "gs_uri_template"),
            Set.of("gs_service_account_key")),
    CLOUDINARY(List.of("cld_cloud_name"), List.of(), Set.of()),
    WEB(List.of("web_uri_base"), List.of("web_headers", "web_uri_template"), Set.of());

    private final List<String> required;
    private final List<String> optional;
    private final Set<String> secrets;

    UriType(List<String> required, List<String> optional, Set<String> secrets) {
        this.required = required;
        this.optional = optional;
        this.secrets = secrets;
    }

    public static UriType of(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Missing required parameter - uri_type");
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("Invalid uri_type " + value + " (http, s3, gs, cloudinary, web)");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isSecret(String field) {
        return secrets.contains(field);
    }

    /**
     * Checks a whole config for this type: every required field present and not blank, no field the type does not take,
     * {@code web_headers} an object of strings, every other value a string.
     */
    public void validate(Map<String, Object> config) {
        for (String field : required) {
            Object value = config.get(field);
            if (value == null || (value instanceof String text && text.isBlank())) {
                throw new InvalidValueException("Missing required config field " + field + " for uri_type " + wireName());
            }
        }
        for (Map.Entry<String, Object> field : config.entrySet()) {
            if (!required.contains(field.getKey()) && !optional.contains(field.getKey())) {
                throw new InvalidValueException("Invalid config field " + field.getKey() + " for uri_type " + wireName());
            }
            if (field.getKey().equals("web_headers")) {
                if (!(field.getValue() instanceof Map<?, ?> headers)
                        || !headers.values().stream().allMatch(v -> v instanceof String)) {
                    throw new InvalidValueException("Invalid config field web_headers: an object of header names and string values");
                }
            } else if (field.getValue() != null && !(field.getValue() instanceof String)) {
                throw new InvalidValueException("Invalid config field " + field.getKey() + ": a string");
            }
        }
    }
}
