package io.darkroom.api.preset;

import io.darkroom.api.resource.upload.UploadParameters;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.preset.PresetView;
import io.darkroom.application.preset.UploadPresets;
import io.darkroom.application.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /upload_presets}, as the SDKs call it: create (a name is generated when none is given), list by cursor,
 * details, update (the settings sent replace those settings; an empty value removes one), delete. Settings are checked as
 * the uploads using the preset will read them, so a preset that saves is one that uploads.
 */
@RestController
@RequestMapping("/v1_1/{cloud}/upload_presets")
public class UploadPresetsController {
    private final UploadPresets presets;

    public UploadPresetsController(UploadPresets presets) {
        this.presets = presets;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Page<PresetView> page = presets.list(cloud, params.integer("max_results", 10, 1, UploadPresets.MAX_PAGE),
                params.get("next_cursor"));
        return PageJson.of("presets", page.items().stream().map(UploadPresetsController::json).toList(), page.nextCursor());
    }

    @GetMapping("/{name}")
    Map<String, Object> details(@PathVariable String cloud, @PathVariable String name) {
        return json(presets.details(cloud, name));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Map<String, String> settings = checkedSettings(params);
        String name = presets.create(cloud, params.get("name"), params.bool("unsigned", false),
                params.bool("disallow_public_id", false), settings);
        return Map.of("message", "created", "name", name);
    }

    @PutMapping("/{name}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String name, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Map<String, String> settings = checkedSettings(params);
        presets.update(cloud, name, params.get("unsigned") == null ? null : params.bool("unsigned", false),
                params.get("disallow_public_id") == null ? null : params.bool("disallow_public_id", false), settings);
        return Map.of("message", "updated");
    }

    @DeleteMapping("/{name}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String name) {
        presets.delete(cloud, name);
        return Map.of("message", "deleted");
    }

    /** The settings sent, each checked as an upload reads it (a 400 naming a bad one). */
    private static Map<String, String> checkedSettings(ApiParameters params) {
        Map<String, String> settings = PresetSettingsJson.fromRequest(params);
        Map<String, List<String>> asUpload = settings.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        UploadParameters.check(ApiParameters.of(asUpload));
        return settings;
    }

    static Map<String, Object> json(PresetView preset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", preset.name());
        json.put("unsigned", preset.unsigned());
        json.put("settings", PresetSettingsJson.toJson(preset.settings(), preset.disallowPublicId()));
        return json;
    }
}
