package io.darkroom.api.resource.listing;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.support.Page;
import io.darkroom.domain.resource.ResourceType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /tags/:resource_type}: the distinct tags in use, ascending, with a prefix filter and cursor. */
@RestController
public class TagsController {
    private final ResourceQueries queries;

    public TagsController(ResourceQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/v1_1/{cloud}/tags/{resourceType}", "/v1_1/{cloud}/tags"})
    Map<String, Object> tags(@PathVariable String cloud, @PathVariable(required = false) String resourceType,
                             HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String type = ResourceType.fromWire(resourceType == null ? "image" : resourceType).wireName();
        Page<String> page = queries.tags(cloud, type, params.get("prefix"), ResourceBrowseController.maxResults(params),
                params.get("next_cursor"));
        return PageJson.of("tags", page.items(), page.nextCursor());
    }
}
