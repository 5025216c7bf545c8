package io.darkroom.api.search;

import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceReadModel;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.search.ResourceSearch;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /resources/search} (JSON, as the SDKs' {@code search()} sends it) and {@code GET /resources/search} (query
 * parameters): {@code expression}, {@code sort_by}, {@code max_results}, {@code next_cursor}, {@code aggregate},
 * {@code with_field}, {@code fields}. Answers {@code total_count}, {@code time} (milliseconds), {@code aggregations} when
 * asked, {@code resources} and {@code next_cursor} while more follow.
 */
@RestController
public class SearchController {
    private final ResourceSearch search;
    private final ResourceJson json;
    private final ResourceReadModel readModel;

    public SearchController(ResourceSearch search, ResourceJson json, ResourceReadModel readModel) {
        this.search = search;
        this.json = json;
        this.readModel = readModel;
    }

    @RequestMapping(path = "/v1_1/{cloud}/resources/search", method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> search(@PathVariable String cloud, HttpServletRequest request) {
        long started = System.nanoTime();
        ApiParameters params = ApiParameters.of(request);
        Set<String> withFields = SearchParameters.list(params, "with_field");
        SearchJson.checkWithFields(withFields);
        Set<String> fields = SearchParameters.list(params, "fields");
        ResourceSearch.Result result = search.search(cloud, params.rawValue("expression"), SearchParameters.sort(params),
                SearchParameters.maxResults(params), params.get("next_cursor"), SearchParameters.aggregates(params));
        List<ResourceView> resources = result.page().resources();
        Map<String, ResourceAnalysis> analyses = readModel.analyses(SearchJson.needsAnalysis(withFields, resources));
        var bases = json.urls().bases();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_count", result.page().totalCount());
        body.put("time", (System.nanoTime() - started) / 1_000_000);
        if (!result.page().aggregations().isEmpty()) {
            body.put("aggregations", result.page().aggregations());
        }
        body.put("resources", resources.stream()
                .map(r -> SearchJson.resource(json, r, bases, withFields, fields, analyses.get(r.assetId()))).toList());
        if (result.nextCursor() != null) {
            body.put("next_cursor", result.nextCursor());
        }
        return body;
    }
}
