package io.darkroom.api.resource.manage;

import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.resource.wire.ResourceKeys;
import io.darkroom.api.resource.wire.UpdateParameters;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.manage.DeletionRequest;
import io.darkroom.application.resource.manage.DeletionResult;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.resource.manage.ResourceUpdate;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Admin API's update and delete calls. */
@RestController
@RequestMapping("/v1_1/{cloud}")
public class ResourceChangeController {
    private final ResourceManager manager;
    private final ResourceDeleter deleter;
    private final ResourceQueries queries;
    private final ResourceJson json;
    private final DerivedResources derivedResources;

    public ResourceChangeController(ResourceManager manager, ResourceDeleter deleter, ResourceQueries queries, ResourceJson json,
                                    DerivedResources derivedResources) {
        this.derivedResources = derivedResources;
        this.manager = manager;
        this.deleter = deleter;
        this.queries = queries;
        this.json = json;
    }

    @PostMapping("/resources/{resourceType}/{type}/{*publicId}")
    Map<String, Object> update(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String type,
                               @PathVariable String publicId, HttpServletRequest request) {
        ResourceUpdate update = updateOf(ApiParameters.of(request));
        String id = PublicId.of(ApiParameters.pathRest(publicId, "public_id")).value();
        return answer(manager.update(ResourceKeys.fromWire(cloud, resourceType, type),
                id, update), update);
    }

    /** The update by asset id ({@code PUT /resources/:asset_id}, as the current SDKs send it; POST too). */
    @RequestMapping(path = "/resources/{assetId:[0-9a-f]{32}}", method = {RequestMethod.PUT, RequestMethod.POST})
    Map<String, Object> updateByAssetId(@PathVariable String cloud, @PathVariable String assetId, HttpServletRequest request) {
        ResourceUpdate update = updateOf(ApiParameters.of(request));
        return answer(manager.updateByAssetId(cloud, assetId, update), update);
    }

    private static ResourceUpdate updateOf(ApiParameters params) {
        String status = params.get("moderation_status");
        if (status != null && !status.equals("approved") && !status.equals("rejected")) {
            throw DarkroomException.badRequest("Invalid moderation_status " + status + " (expected approved or rejected)");
        }
        return UpdateParameters.of(params, status);
    }

    private Map<String, Object> answer(ResourceView resource, ResourceUpdate update) {
        ResourceJson.Extras extras = new ResourceJson.Extras(false, false, false, update.faces() != null, false, false,
                update.faces() != null || update.custom() != null);
        return json.details(resource, extras.needAnalysis() ? queries.analysis(resource.assetId()) : ResourceAnalysis.NONE, extras);
    }

    /** The SDKs' {@code delete_resources_by_asset_ids}: {@code DELETE /resources} with {@code asset_ids}. */
    @DeleteMapping("/resources")
    Map<String, Object> deleteByAssetIds(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> assetIds = params.list("asset_ids");
        return render(deleter.deleteAssets(cloud, assetIds == null ? null
                        : assetIds.stream().map(id -> io.darkroom.domain.resource.AssetId.of(id).value()).toList(),
                params.bool("keep_original", false), transformations(params)));
    }

    @DeleteMapping("/resources/{resourceType}/{type}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String type,
                               HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> publicIds = params.list("public_ids");
        String prefix = params.get("prefix");
        boolean all = params.bool("all", false);
        int selections = (publicIds != null ? 1 : 0) + (prefix != null ? 1 : 0) + (all ? 1 : 0);
        if (selections != 1) {
            throw DarkroomException.badRequest(selections == 0 ? "Missing required parameter - public_ids, prefix or all"
                    : "Give only one of public_ids, prefix and all");
        }
        if (publicIds != null) {
            publicIds.forEach(PublicId::of);
        }
        return render(deleter.delete(new DeletionRequest(cloud, ResourceType.fromWire(resourceType).wireName(),
                DeliveryType.fromWire(type).wireName(), publicIds, prefix, all, null, params.bool("keep_original", false),
                params.get("next_cursor"), transformations(params))));
    }

    @DeleteMapping("/resources/{resourceType}/tags/{*tag}")
    Map<String, Object> deleteByTag(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String tag,
                                    HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return render(deleter.delete(new DeletionRequest(cloud, ResourceType.fromWire(resourceType).wireName(), null, null,
                null, false, ApiParameters.pathRest(tag, "tag"), params.bool("keep_original", false), params.get("next_cursor"),
                transformations(params))));
    }

    /** {@code transformations}: only the derived media made with these go (joined by {@code |}, as the SDKs send them). */
    private static List<io.darkroom.domain.transformation.Transformation> transformations(ApiParameters params) {
        String value = params.get("transformations");
        return value == null || value.isBlank() ? null : io.darkroom.domain.transformation.Transformation.parseList(value);
    }

    @DeleteMapping("/derived_resources")
    Map<String, Object> deleteDerived(@PathVariable String cloud, HttpServletRequest request) {
        List<String> ids = ApiParameters.of(request).list("derived_resource_ids");
        if (ids == null || ids.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - derived_resource_ids");
        }
        if (ids.size() > ResourceDeleter.MAX_PER_CALL) {
            throw DarkroomException.badRequest("Too many derived_resource_ids (maximum " + ResourceDeleter.MAX_PER_CALL + ")");
        }
        return Map.of("deleted", derivedResources.delete(cloud, ids));
    }

    private static Map<String, Object> render(DeletionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deleted", result.deleted());
        Map<String, Object> counts = new LinkedHashMap<>();
        result.counts().forEach((id, c) -> counts.put(id, Map.of("original", c.original(), "derived", c.derived())));
        body.put("deleted_counts", counts);
        body.put("partial", result.partial());
        if (result.nextCursor() != null) {
            body.put("next_cursor", result.nextCursor());
        }
        return body;
    }

}
