package io.darkroom.api.optimizer;

import io.darkroom.api.transformation.TransformationRemoval;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Page;
import io.darkroom.application.transformation.TransformationView;
import io.darkroom.application.transformation.Transformations;
import io.darkroom.domain.transformation.Transformation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v1/:cloud/transformations} in the Media Optimizer API's shape: named transformations only, shown as
 * {@code t_name} with their {@code transformation} string. The same named transformations as the Admin API's.
 */
@RestController
@RequestMapping("/v1/{cloud}/transformations")
public class OptimizerTransformationsController {
    private final Transformations transformations;
    private final TransformationRemoval removal;

    public OptimizerTransformationsController(Transformations transformations, TransformationRemoval removal) {
        this.transformations = transformations;
        this.removal = removal;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Page<TransformationView> page = transformations.list(cloud, true, params.integer("max_results", 10, 1, Transformations.MAX_PAGE),
                params.get("next_cursor"));
        return PageJson.of("transformations", page.items().stream().map(OptimizerTransformationsController::summary).toList(),
                page.nextCursor());
    }

    @GetMapping("/{name}")
    Map<String, Object> get(@PathVariable String cloud, @PathVariable String name) {
        TransformationView view = named(cloud, name);
        Map<String, Object> body = summary(view);
        body.put("info", Transformation.parse(view.definition()).info());
        return body;
    }

    @PostMapping("/{name}")
    Map<String, Object> create(@PathVariable String cloud, @PathVariable String name, HttpServletRequest request) {
        transformations.create(cloud, bare(name), ApiParameters.of(request).get("transformation"));
        return OptimizerJson.message("created");
    }

    @PutMapping("/{name}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String name, HttpServletRequest request) {
        String definition = ApiParameters.of(request).get("transformation");
        if (definition == null) {
            throw DarkroomException.badRequest("Missing required parameter - transformation");
        }
        transformations.update(cloud, named(cloud, name).name(), null, definition);
        return OptimizerJson.message("updated");
    }

    @DeleteMapping("/{name}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String name) {
        removal.delete(cloud, named(cloud, name).name());
        return OptimizerJson.message("deleted");
    }

    private TransformationView named(String cloud, String name) {
        TransformationView view = transformations.details(cloud, name);
        if (!view.named()) {
            throw DarkroomException.notFound("Transformation " + name + " not found");
        }
        return view;
    }

    /** The name as created: {@code t_} is how the API shows names, so a leading one is not part of the name. */
    private static String bare(String name) {
        return name.startsWith("t_") ? name.substring(2) : name;
    }

    private static Map<String, Object> summary(TransformationView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "t_" + view.name());
        json.put("transformation", view.definition());
        return json;
    }
}
