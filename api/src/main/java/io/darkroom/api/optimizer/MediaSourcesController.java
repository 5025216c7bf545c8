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

/** {@code /v1/:cloud/media_sources}: secrets are answered as {@code "encrypted"}. */
@RestController
@RequestMapping("/v1/{cloud}/media_sources")
public class MediaSourcesController {
    private final OptimizerConfiguration configuration;

    public MediaSourcesController(OptimizerConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable String cloud) {
        return configuration.sources(cloud).stream().map(OptimizerJson::source).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String cloud, @PathVariable String id) {
        return OptimizerJson.source(configuration.source(cloud, id));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return OptimizerJson.source(configuration.createSource(cloud, params.get("display_name"), params.get("uri_type"),
                OptimizerJson.config(params.rawValue("config"))));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String id, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return OptimizerJson.source(configuration.updateSource(cloud, id, params.get("display_name"), params.get("uri_type"),
                OptimizerJson.config(params.rawValue("config"))));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String id) {
        configuration.deleteSource(cloud, id);
        return OptimizerJson.message("ok");
    }
}
