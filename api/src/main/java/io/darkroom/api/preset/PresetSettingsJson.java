package io.darkroom.api.preset;

import io.darkroom.api.resource.wire.ContextParameter;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Transformation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A preset's settings between the wire and the store. They arrive as the SDKs send upload parameters (form fields: tags
 * {@code a,b} or {@code tags[]}, context {@code k=v|k2=v2}, booleans, a transformation as its URL string) and are stored in
 * that form, which is what an upload applies; details answer them typed as the SDKs read them back (tags an array,
 * context an object, booleans as booleans, the transformation an array of components with long names). An SDK that
 * sends those typed settings back through its update call gets the same settings again.
 */
final class PresetSettingsJson {
    /** The upload parameters a preset may hold (every one the Java SDK's {@code buildUploadParams} sends). */
    static final Set<String> SETTINGS = Set.of("folder", "asset_folder", "display_name", "public_id_prefix", "type",
            "use_filename", "unique_filename", "overwrite", "tags", "context", "metadata", "eager", "eager_async",
            "eager_notification_url", "transformation", "allowed_formats", "format", "moderation", "notification_url",
            "return_delete_token", "face_coordinates", "custom_coordinates", "colors", "faces", "image_metadata", "exif",
            "phash", "quality_analysis", "accessibility_analysis", "cinemagraph_analysis", "media_metadata", "backup",
            "invalidate", "discard_original_filename", "callback", "eval", "on_success", "use_filename_as_display_name",
            "use_asset_folder_as_public_id_prefix", "unique_display_name", "access_mode", "filename_override", "proxy",
            "async", "headers", "access_control", "responsive_breakpoints", "auto_tagging", "categorization", "detection",
            "ocr", "raw_convert", "background_removal", "similarity_search", "visual_search", "auto_chaptering",
            "auto_transcription", "clear_invalid");
    static final Set<String> BOOLEANS = Set.of("use_filename", "unique_filename", "overwrite", "eager_async",
            "return_delete_token", "colors", "faces", "image_metadata", "exif", "phash", "quality_analysis",
            "accessibility_analysis", "cinemagraph_analysis", "media_metadata", "backup", "invalidate",
            "discard_original_filename", "use_filename_as_display_name", "use_asset_folder_as_public_id_prefix",
            "unique_display_name", "async", "visual_search", "auto_chaptering", "auto_transcription", "disallow_public_id");
    private static final Set<String> LISTS = Set.of("tags", "allowed_formats");
    /** Parameters of the preset call itself, not settings. */
    private static final Set<String> CALL = Set.of("name", "unsigned", "disallow_public_id", "timestamp", "api_key",
            "signature", "max_results", "next_cursor");

    private PresetSettingsJson() {
    }

    /** The settings a create or update sends, in the upload's field form; an unknown one is a 400 naming it. */
    static Map<String, String> fromRequest(ApiParameters params) {
        Map<String, String> settings = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        params.raw().forEach((rawKey, values) -> {
            String key = rawKey.endsWith("[]") ? rawKey.substring(0, rawKey.length() - 2) : rawKey;
            if (CALL.contains(key)) {
                return;
            }
            if (!SETTINGS.contains(key)) {
                unknown.add(rawKey);
                return;
            }
            // a JSON body's array (a transformation's components) arrives as one value per item
            String value = LISTS.contains(key) ? String.join(",", params.list(key))
                    : key.equals("transformation") ? String.join(",", values) : params.rawValue(rawKey);
            value = value == null ? "" : value.strip();
            settings.put(key, key.equals("transformation") ? transformationText(value) : value);
        });
        if (!unknown.isEmpty()) {
            throw DarkroomException.badRequest("Invalid upload preset settings: " + String.join(", ", unknown.stream().sorted().toList())
                    + " (a preset holds upload parameters only)");
        }
        for (String key : BOOLEANS) {
            if (settings.containsKey(key) && !settings.get(key).isEmpty()) {
                settings.put(key, Boolean.toString(params.bool(key, false)));
            }
        }
        return settings;
    }

    /**
     * A transformation as a preset's details show it, sent back: components with long names, as JSON
     * ({@code [{"crop":"scale","width":100}]}) or as the Java SDK writes the list it read ({@code [{crop=scale, width=100}]}),
     * turned into the URL form; any other text is taken as the URL form.
     */
    static String transformationText(String value) {
        if (!value.startsWith("[{") && !value.startsWith("{")) {
            return value;
        }
        String inner = value.replaceAll("^\\[?\\{|}\\]?$", "");
        List<String> components = new ArrayList<>();
        for (String component : inner.split("}\\s*,\\s*\\{")) {
            List<String> pairs = new ArrayList<>();
            for (String pair : component.split(",\\s*")) {
                String[] kv = pair.split("\\s*[=:]\\s*", 2);
                if (kv.length != 2) {
                    throw DarkroomException.badRequest("Invalid transformation setting: " + value);
                }
                String name = kv[0].replace("\"", "").strip();
                String shortName = io.darkroom.domain.transformation.ParameterKey.ofLongName(name)
                        .map(io.darkroom.domain.transformation.ParameterKey::shortName).orElse(name);
                pairs.add(shortName + "_" + kv[1].replace("\"", "").strip());
            }
            components.add(String.join(",", pairs));
        }
        return String.join("/", components);
    }

    /** The settings as details answer them. */
    static Map<String, Object> toJson(Map<String, String> settings, boolean disallowPublicId) {
        Map<String, Object> json = new LinkedHashMap<>();
        settings.forEach((key, value) -> json.put(key, typed(key, value)));
        if (disallowPublicId) {
            json.put("disallow_public_id", true);
        }
        return json;
    }

    private static Object typed(String key, String value) {
        if (BOOLEANS.contains(key)) {
            return Boolean.parseBoolean(value);
        }
        if (LISTS.contains(key)) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (key.equals("context")) {
            return ContextParameter.parse(value);
        }
        if (key.equals("transformation")) {
            return Transformation.parse(value).info();
        }
        return value;
    }
}
