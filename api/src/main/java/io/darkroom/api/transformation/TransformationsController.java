package io.darkroom.api.transformation;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.derivation.DerivedResources;
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
import java.util.List;
import java.util.Map;

/**
 * {@code /transformations}: the current SDKs name the transformation in a {@code transformation}
 * parameter (and the name to create in {@code name}); the reference puts it in the path. Both work.
 * A chain's {@code /} may stand in the path as it is or as {@code %2F}.
 */
@RestController
@RequestMapping("/v1_1/{cloud}/transformations")
public class TransformationsController {
    private final Transformations transformations;
    private final DerivedResources derivedResources;
    private final TransformationRemoval removal;

    public TransformationsController(Transformations transformations, DerivedResources derivedResources, TransformationRemoval removal) {
        this.transformations = transformations;
        this.derivedResources = derivedResources;
        this.removal = removal;
    }

    @GetMapping
    Map<String, Object> listOrDetails(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String addressed = params.get("transformation");
        if (addressed != null) {
            return details(cloud, addressed, params);
        }
        Boolean named = params.get("named") == null ? null : params.bool("named", false);
        Page<TransformationView> page = transformations.list(cloud, named,
                params.integer("max_results", 10, 1, Transformations.MAX_PAGE), params.get("next_cursor"));
        java.util.Set<String> used = derivedResources.usedAmong(cloud, page.items().stream().map(TransformationsController::urlName).toList());
        return PageJson.of("transformations", page.items().stream()
                .map(view -> summary(view, used.contains(urlName(view)))).toList(), page.nextCursor());
    }

    @GetMapping("/{*transformation}")
    Map<String, Object> detailsInPath(@PathVariable String cloud, @PathVariable String transformation, HttpServletRequest request) {
        return details(cloud, ApiParameters.pathRest(transformation, "transformation"), ApiParameters.of(request));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String name = params.get("name");
        if (name == null) {
            throw DarkroomException.badRequest("Missing required parameter - name");
        }
        transformations.create(cloud, name, params.get("transformation"));
        return Map.of("message", "created");
    }

    @PostMapping("/{*name}")
    Map<String, Object> createInPath(@PathVariable String cloud, @PathVariable String name, HttpServletRequest request) {
        transformations.create(cloud, ApiParameters.pathRest(name, "name"), ApiParameters.of(request).get("transformation"));
        return Map.of("message", "created");
    }

    @PutMapping
    Map<String, Object> update(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return update(cloud, params.get("transformation"), params);
    }

    @PutMapping("/{*transformation}")
    Map<String, Object> updateInPath(@PathVariable String cloud, @PathVariable String transformation, HttpServletRequest request) {
        return update(cloud, ApiParameters.pathRest(transformation, "transformation"), ApiParameters.of(request));
    }

    @DeleteMapping
    Map<String, Object> delete(@PathVariable String cloud, HttpServletRequest request) {
        return delete(cloud, ApiParameters.of(request).get("transformation"));
    }

    @DeleteMapping("/{*transformation}")
    Map<String, Object> deleteInPath(@PathVariable String cloud, @PathVariable String transformation) {
        return delete(cloud, ApiParameters.pathRest(transformation, "transformation"));
    }

    private Map<String, Object> delete(String cloud, String addressed) {
        removal.delete(cloud, addressed);
        return Map.of("message", "deleted");
    }

    private Map<String, Object> update(String cloud, String addressed, ApiParameters params) {
        Boolean allowed = params.get("allowed_for_strict") == null ? null : params.bool("allowed_for_strict", false);
        transformations.update(cloud, addressed, allowed, params.get("unsafe_update"));
        return Map.of("message", "updated");
    }

    private Map<String, Object> details(String cloud, String addressed, ApiParameters params) {
        int limit = params.integer("max_results", 10, 1, 100);
        TransformationView view = transformations.details(cloud, addressed);
        List<Map<String, Object>> derived = derivedResources.madeWith(cloud, urlName(view), limit).stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", d.derivedId());
            item.put("asset_id", d.assetId());
            item.put("format", d.format());
            item.put("bytes", d.bytes());
            return item;
        }).toList();
        Map<String, Object> body = summary(view, !derived.isEmpty());
        body.put("info", Transformation.parse(view.definition()).info());
        body.put("derived", derived);
        return body;
    }

    private static String urlName(TransformationView view) {
        return TransformationRemoval.urlName(view);
    }

    private static Map<String, Object> summary(TransformationView view, boolean used) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", urlName(view));
        json.put("allowed_for_strict", view.allowedForStrict());
        json.put("used", used);
        json.put("named", view.named());
        return json;
    }
}
