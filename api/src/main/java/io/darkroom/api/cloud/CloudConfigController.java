package io.darkroom.api.cloud;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.FolderModes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1_1/:cloud/config}: the cloud's name and creation time, and with {@code settings=true} its
 * {@code folder_mode} ({@code dynamic} or {@code fixed}, as configured per cloud), which integrations read before anything
 * else.
 */
@RestController
public class CloudConfigController {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final CloudDirectory clouds;
    private final FolderModes folderModes;

    public CloudConfigController(CloudDirectory clouds, FolderModes folderModes) {
        this.clouds = clouds;
        this.folderModes = folderModes;
    }

    @GetMapping("/v1_1/{cloud}/config")
    Map<String, Object> config(@PathVariable String cloud, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cloud_name", cloud);
        body.put("created_at", clouds.createdAt(cloud).map(CREATED_AT::format).orElse(null));
        if (ApiParameters.of(request).bool("settings", false)) {
            body.put("settings", Map.of("folder_mode", folderModes.of(cloud).wireName()));
        }
        return body;
    }
}
