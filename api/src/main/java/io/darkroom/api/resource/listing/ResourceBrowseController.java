package io.darkroom.api.resource.listing;

import io.darkroom.api.resource.audit.AuditController;
import io.darkroom.api.resource.wire.FieldSelection;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.resource.wire.ResourceKeys;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.derivation.DerivedResource;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.resource.listing.ListingQuery;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Page;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.Moderation;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;
import jakarta.servlet.http.HttpServletRequest;
import io.darkroom.api.resource.restore.VersionsJson;
import io.darkroom.application.resource.ResourceKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The Admin API's browse calls: listings (all, by tag, by moderation queue), details and resource types. */
@RestController
@RequestMapping("/v1_1/{cloud}/resources")
public class ResourceBrowseController {
    private static final int MAX_PUBLIC_IDS = 100;
    private static final Pattern ASSET_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern MODERATION_KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** {@code .../:public_id/history} is an asset's history, so no public id may end in {@code /history}. */
    private static final String HISTORY_SUFFIX = "/history";

    private final ResourceQueries queries;
    private final ResourceJson json;
    private final AuditController audit;
    private final DerivedResources derivedResources;
    private final VersionsJson versions;

    public ResourceBrowseController(ResourceQueries queries, ResourceJson json, AuditController audit, DerivedResources derivedResources,
                                    VersionsJson versions) {
        this.derivedResources = derivedResources;
        this.versions = versions;
        this.queries = queries;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping
    Map<String, Object> resourceTypes(@PathVariable String cloud) {
        return Map.of("resource_types", queries.resourceTypes(cloud));
    }

    /** {@code /resources/:resource_type}, or {@code /resources/:asset_id} (an asset id is 32 hex digits, no resource type is). */
    @GetMapping("/{resourceType}")
    Map<String, Object> listAll(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        if (ASSET_ID.matcher(resourceType).matches()) {
            return detailsOf(queries.detailsByAssetId(cloud, resourceType), ApiParameters.of(request));
        }
        return list(cloud, resourceType, null, ApiParameters.of(request));
    }

    @GetMapping("/by_asset_ids")
    Map<String, Object> byAssetIds(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> assetIds = params.list("asset_ids");
        if (assetIds == null || assetIds.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - asset_ids");
        }
        if (assetIds.size() > MAX_PUBLIC_IDS) {
            throw DarkroomException.badRequest("Too many asset_ids: " + assetIds.size() + " (maximum " + MAX_PUBLIC_IDS + ")");
        }
        for (String assetId : assetIds) {
            if (!ASSET_ID.matcher(assetId).matches()) {
                throw DarkroomException.badRequest("Invalid asset_id " + assetId + " (32 hexadecimal digits)");
            }
        }
        return page(new Page<>(queries.byAssetIds(cloud, assetIds), null), params);
    }

    @GetMapping("/{resourceType}/context")
    Map<String, Object> byContext(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String key = params.get("key");
        if (key == null) {
            throw DarkroomException.badRequest("Missing required parameter - key");
        }
        ListingQuery query = new ListingQuery(cloud, ResourceType.fromWire(resourceType).wireName(), null, null, null, null,
                null, null, null, null, false, null, maxResults(params), key, params.get("value"));
        return page(queries.list(query, params.direction(), params.get("next_cursor")), params);
    }

    @GetMapping("/{resourceType}/{type}")
    Map<String, Object> listOfType(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String type,
                                   HttpServletRequest request) {
        return list(cloud, resourceType, DeliveryType.fromWire(type).wireName(), ApiParameters.of(request));
    }

    @GetMapping("/{resourceType}/tags/{*tag}")
    Map<String, Object> byTag(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String tag,
                              HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        ListingQuery query = new ListingQuery(cloud, ResourceType.fromWire(resourceType).wireName(), null, null, null,
                ApiParameters.pathRest(tag, "tag"),
                null, null, null, null, false, null, maxResults(params), null, null);
        return page(queries.list(query, params.direction(), params.get("next_cursor")), params);
    }

    @GetMapping("/{resourceType}/moderations/{kind}/{status}")
    Map<String, Object> byModeration(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String kind,
                                     @PathVariable String status, HttpServletRequest request) {
        if (!MODERATION_KIND.matcher(kind).matches() || !Moderation.STATUSES.contains(status)) {
            throw DarkroomException.badRequest("Invalid moderation queue " + kind + "/" + status
                    + " (status must be pending, approved or rejected)");
        }
        ApiParameters params = ApiParameters.of(request);
        ListingQuery query = new ListingQuery(cloud, ResourceType.fromWire(resourceType).wireName(), null, null, null, null,
                kind, status, null, null, false, null, maxResults(params), null, null);
        return page(queries.list(query, params.direction(), params.get("next_cursor")), params);
    }

    @GetMapping("/{resourceType}/{type}/{*publicId}")
    Map<String, Object> details(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String type,
                                @PathVariable String publicId, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        String id = publicId.startsWith("/") ? publicId.substring(1) : publicId;
        if (id.endsWith(HISTORY_SUFFIX)) {
            ResourceView current = queries.details(ResourceKeys.fromWire(cloud, resourceType, type), PublicId.of(id.substring(0, id.length() - HISTORY_SUFFIX.length())).value());
            return audit.historyOf(cloud, current.assetId(), params.instant("as_of"),
                    (io.darkroom.application.cloud.Cloud) request.getAttribute(io.darkroom.api.cloud.AdminApiGuard.CLOUD_ATTRIBUTE));
        }
        ResourceKey key = ResourceKeys.fromWire(cloud, resourceType, type);
        String name = PublicId.of(id).value();
        ResourceView resource;
        try {
            resource = queries.details(key, name);
        } catch (DarkroomException e) {
            // a name only a trashed asset had, asked with versions=true: Cloudinary's placeholder of a deleted asset with a
            // backup; without it a 404, as for an account without backups (what applications check existence by)
            if (e.kind() != DarkroomException.Kind.NOT_FOUND || !params.bool("versions", false)) {
                throw e;
            }
            return FieldSelection.of(params).apply(versions.placeholder(key, name));
        }
        return detailsOf(resource, params);
    }

    private Map<String, Object> detailsOf(ResourceView resource, ApiParameters params) {
        int derivedPage = params.integer("max_results", 10, 1, 100);
        ResourceJson.Extras extras = new ResourceJson.Extras(params.bool("colors", false), params.bool("image_metadata", false),
                params.bool("exif", false), params.bool("faces", false), params.bool("pages", false),
                params.bool("phash", false), params.bool("coordinates", false));
        Map<String, Object> details = json.details(resource,
                extras.needAnalysis() ? queries.analysis(resource.assetId()) : ResourceAnalysis.NONE, extras);
        String after = params.get("derived_next_cursor");
        if (after != null && !after.matches("[0-9a-f]{32}")) {
            throw DarkroomException.badRequest("Invalid derived_next_cursor");
        }
        List<DerivedResource> derived = derivedResources.derivedOf(resource.assetId(), after, derivedPage + 1);
        details.put("derived", derived.stream().limit(derivedPage).map(d -> json.derived(resource, d)).toList());
        if (derived.size() > derivedPage) {
            // the derived list pages by id: the cursor is the last id shown
            details.put("derived_next_cursor", derived.get(derivedPage - 1).derivedId());
        }
        if (params.bool("versions", false)) {
            details.put("versions", versions.of(resource.cloud(), resource.assetId()));
        }
        return FieldSelection.of(params).apply(details);
    }

    private Map<String, Object> list(String cloud, String resourceType, String type, ApiParameters params) {
        String prefix = params.get("prefix");
        List<String> publicIds = params.list("public_ids");
        if (publicIds != null && publicIds.size() > MAX_PUBLIC_IDS) {
            throw DarkroomException.badRequest("Too many public_ids: " + publicIds.size() + " (maximum " + MAX_PUBLIC_IDS + ")");
        }
        if (publicIds != null && prefix != null) {
            throw DarkroomException.badRequest("prefix and public_ids cannot be combined");
        }
        Instant startAt = params.instant("start_at");
        if (startAt != null && (prefix != null || publicIds != null)) {
            throw DarkroomException.badRequest("start_at is supported only without prefix and public_ids");
        }
        ListingQuery query = new ListingQuery(cloud, ResourceType.fromWire(resourceType).wireName(), type, prefix,
                publicIds == null ? null : List.copyOf(publicIds), null, null, null, startAt, null, false, null,
                publicIds != null ? Math.max(publicIds.size(), maxResults(params)) : maxResults(params), null, null);
        return page(queries.list(query, params.direction(), params.get("next_cursor")), params);
    }

    private Map<String, Object> page(Page<ResourceView> page, ApiParameters params) {
        FieldSelection fields = FieldSelection.of(params);
        ResourceJson.Include include = fields.include(new ResourceJson.Include(params.bool("tags", false),
                params.bool("context", false), params.bool("moderations", false)));
        var bases = json.urls().bases();
        return PageJson.of("resources", page.items().stream().map(r -> fields.apply(json.summary(r, include, bases))).toList(),
                page.nextCursor());
    }

    static int maxResults(ApiParameters params) {
        return params.integer("max_results", 10, 1, 500);
    }
}
