package io.darkroom.api.folder;

import io.darkroom.api.resource.wire.FieldSelection;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.search.ResourceSearch;
import io.darkroom.application.search.SearchField;
import io.darkroom.application.search.SearchRequest;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.FolderPath;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /resources/by_asset_folder?asset_folder=PATH}: the assets filed in that folder (not below it), newest first,
 * by cursor; {@code tags}, {@code context}, {@code moderations} and {@code fields} as in the other listings. It is a search
 * for {@code asset_folder="PATH"}, so it pages and counts the same way.
 */
@RestController
public class AssetFolderController {
    private final ResourceSearch search;
    private final ResourceJson json;

    public AssetFolderController(ResourceSearch search, ResourceJson json) {
        this.search = search;
        this.json = json;
    }

    @GetMapping("/v1_1/{cloud}/resources/by_asset_folder")
    Map<String, Object> byAssetFolder(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String raw = params.rawValue("asset_folder");
        if (raw == null) {
            throw DarkroomException.badRequest("Missing required parameter - asset_folder");
        }
        FolderPath folder = FolderPath.of(raw);
        String expression = "asset_folder=\"" + folder.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        ResourceSearch.Result result = search.search(cloud, expression,
                List.of(new SearchRequest.SortKey(SearchField.CREATED_AT, true)), params.integer("max_results", 50, 1, 500),
                params.get("next_cursor"), Set.of());
        FieldSelection fields = FieldSelection.of(params);
        ResourceJson.Include include = fields.include(new ResourceJson.Include(params.bool("tags", false),
                params.bool("context", false), params.bool("moderations", false)));
        var bases = json.urls().bases();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resources", result.page().resources().stream().map(r -> fields.apply(json.summary(r, include, bases))).toList());
        body.put("total_count", result.page().totalCount());
        if (result.nextCursor() != null) {
            body.put("next_cursor", result.nextCursor());
        }
        return body;
    }
}
