package io.darkroom.api.console;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.UploadSignature;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.preset.PresetView;
import io.darkroom.application.preset.UploadPresets;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The upload page. The browser sends the files straight to the Upload API (chunked for large ones, as the SDKs'
 * {@code upload_large} does), signed by this controller: the page asks for a signature of the upload's parameters and
 * gets it, never the secret, exactly as Cloudinary's upload widget asks its host application. So a console upload is
 * an Upload API call like any other: the key as actor, the browser's address, the preset's rules.
 */
@Controller
public class ConsoleUploadController {
    private static final int PRESETS_SHOWN = 100;
    /** The SDKs' default chunk ({@code upload_large}'s 20 MB), or less when a request may not hold that much. */
    private static final long CHUNK = 20_000_000;

    private final CloudDirectory clouds;
    private final UploadPresets presets;
    private final Clock clock;
    private final long chunkSize;

    public ConsoleUploadController(CloudDirectory clouds, UploadPresets presets, Clock clock, DarkroomProperties properties) {
        this.clouds = clouds;
        this.chunkSize = Math.min(CHUNK, Math.min(properties.upload().maxRequestSize().toBytes(),
                properties.upload().maxFileSize().toBytes()));
        this.presets = presets;
        this.clock = clock;
    }

    @GetMapping("/console/upload")
    String page(HttpServletRequest request, Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        model.addAttribute("presets", presets.list(session.cloud(), PRESETS_SHOWN, null).items().stream()
                .map(PresetView::name).toList());
        model.addAttribute("chunkSize", chunkSize);
        return "console/upload";
    }

    /**
     * The signed parameters of one upload: {@code timestamp}, {@code use_filename_as_display_name}, the chosen
     * {@code upload_preset}, {@code asset_folder} and {@code tags}, with {@code api_key} and {@code signature}, and where to send them. An unknown preset is a 400 here,
     * before any byte is sent.
     */
    @PostMapping(path = "/console/upload/signature", produces = "application/json")
    @ResponseBody
    Map<String, Object> signature(@RequestParam(name = "upload_preset", required = false) String preset,
                                  @RequestParam(name = "asset_folder", required = false) String folder,
                                  @RequestParam(required = false) String tags, HttpServletRequest request) {
        ConsoleSession session = ConsoleModel.session(request);
        Cloud cloud = clouds.find(session.cloud()).orElseThrow(() -> DarkroomException.notFound("Unknown cloud"));
        Map<String, String> params = new TreeMap<>();
        params.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        // as Cloudinary's Media Library uploads: people see the file's own name, the public id stays unique
        params.put("use_filename_as_display_name", "true");
        if (preset != null && !preset.isBlank()) {
            presets.details(session.cloud(), preset.strip());
            params.put("upload_preset", preset.strip());
        }
        if (folder != null && !folder.isBlank()) {
            params.put("asset_folder", folder.strip());
        }
        if (tags != null && !tags.isBlank()) {
            params.put("tags", tags.strip());
        }
        Map<String, List<String>> signed = new LinkedHashMap<>();
        params.forEach((key, value) -> signed.put(key, List.of(value)));
        Map<String, Object> answer = new LinkedHashMap<>(params);
        answer.put("api_key", cloud.apiKey());
        answer.put("signature", UploadSignature.sign(signed, cloud.apiSecret(), "SHA-1"));
        answer.put("upload_url", "/v1_1/" + cloud.name() + "/auto/upload");
        return answer;
    }
}
