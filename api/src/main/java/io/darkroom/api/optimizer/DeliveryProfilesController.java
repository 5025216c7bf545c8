package io.darkroom.api.optimizer;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.optimizer.setup.OptimizerConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /v1/:cloud/delivery_profiles}: new profiles are disabled. On update a part left out stays as it is; an empty
 * {@code path_prefix} or {@code default_transformation} clears it.
 */
@RestController
@RequestMapping("/v1/{cloud}/delivery_profiles")
public class DeliveryProfilesController {
    private final OptimizerConfiguration configuration;

    public DeliveryProfilesController(OptimizerConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable String cloud) {
        return configuration.profiles(cloud).stream().map(OptimizerJson::profile).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String cloud, @PathVariable String id) {
        return OptimizerJson.profile(configuration.profile(cloud, id));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return OptimizerJson.profile(configuration.createProfile(cloud, params.get("display_name"), params.get("cname_id"),
                params.get("path_prefix"), params.get("mapping_function_id"), params.get("default_transformation"),
                params.list("media_source_ids")));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String id, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Boolean enabled = params.get("is_enabled") == null ? null : params.bool("is_enabled", false);
        return OptimizerJson.profile(configuration.updateProfile(cloud, id, params.rawValue("display_name"), params.get("cname_id"),
                params.rawValue("path_prefix"), params.get("mapping_function_id"), params.rawValue("default_transformation"),
                params.list("media_source_ids"), enabled));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String id) {
        configuration.deleteProfile(cloud, id);
        return OptimizerJson.message("ok");
    }
}
