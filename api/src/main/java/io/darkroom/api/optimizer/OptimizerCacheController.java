package io.darkroom.api.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.optimizer.cache.OptimizerInvalidation;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/:cloud/invalidate_all_derived_resources} with {@code urls} or {@code media_resources} (JSON body), and
 * {@code POST /v1/:cloud/warm_up} with {@code url} and an optional {@code notification_url} (form or JSON).
 */
@RestController
public class OptimizerCacheController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OptimizerInvalidation invalidation;
    private final io.darkroom.application.optimizer.cache.WarmUps warmUps;

    public OptimizerCacheController(OptimizerInvalidation invalidation, io.darkroom.application.optimizer.cache.WarmUps warmUps) {
        this.invalidation = invalidation;
        this.warmUps = warmUps;
    }

    @PostMapping("/v1/{cloud}/warm_up")
    Map<String, Object> warmUp(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return warmUps.request(cloud, params.get("url"), params.get("notification_url"), io.darkroom.api.web.RequestMetadata.requestId());
    }

    @PostMapping("/v1/{cloud}/invalidate_all_derived_resources")
    Map<String, Object> invalidate(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> urls = params.raw().get("urls") == null ? params.raw().get("urls[]") : params.raw().get("urls");
        List<OptimizerInvalidation.MediaResource> media = new ArrayList<>();
        List<String> raw = params.raw().get("media_resources");
        if (raw != null) {
            for (String item : raw) {
                try {
                    JsonNode node = JSON.readTree(item);
                    media.add(new OptimizerInvalidation.MediaResource(node.path("media_key").asText(null),
                            node.path("resource_type").asText(null)));
                } catch (Exception e) {
                    throw DarkroomException.badRequest("Invalid media_resources: objects with media_key and resource_type");
                }
            }
        }
        invalidation.invalidate(cloud, urls, media);
        return OptimizerJson.message("ok");
    }
}
