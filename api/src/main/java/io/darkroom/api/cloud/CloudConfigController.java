package io.darkroom.api.cloud;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.cloud.CloudDirectory;
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
 * {@code folder_mode}, which integrations read before anything else. Darkroom's folders are fixed-mode today (a public id's
 * path is its folder), so that is what it answers.
 */
@RestController
public class CloudConfigController {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final CloudDirectory clouds;

    public CloudConfigController(CloudDirectory clouds) {
        this.clouds = clouds;
    }

    @GetMapping("/v1_1/{cloud}/config")
    Map<String, Object> config(@PathVariable String cloud, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cloud_name", cloud);
        body.put("created_at", clouds.createdAt(cloud).map(CREATED_AT::format).orElse(null));
        if (ApiParameters.of(request).bool("settings", false)) {
            body.put("settings", Map.of("folder_mode", "fixed"));
        }
        return body;
    }
}
