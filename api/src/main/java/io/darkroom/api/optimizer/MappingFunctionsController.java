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

/** {@code /v1/:cloud/mapping_functions}: the two built-ins first, read-only; custom ones compiled when saved. */
@RestController
@RequestMapping("/v1/{cloud}/mapping_functions")
public class MappingFunctionsController {
    private final OptimizerConfiguration configuration;

    public MappingFunctionsController(OptimizerConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable String cloud) {
        return configuration.functions(cloud).stream().map(OptimizerJson::function).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String cloud, @PathVariable String id) {
        return OptimizerJson.function(configuration.function(cloud, id));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return OptimizerJson.function(configuration.createFunction(cloud, params.get("display_name"), params.rawValue("code")));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String id, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return OptimizerJson.function(configuration.updateFunction(cloud, id, params.get("display_name"), params.rawValue("code")));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String id) {
        configuration.deleteFunction(cloud, id);
        return OptimizerJson.message("ok");
    }
}
