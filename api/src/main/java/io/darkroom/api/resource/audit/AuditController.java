package io.darkroom.api.resource.audit;

import io.darkroom.api.cloud.AdminApiGuard;
import io.darkroom.api.resource.restore.VersionsJson;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.resource.restore.VersionQueries;
import java.time.Instant;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.resource.audit.AuditEntry;
import io.darkroom.application.resource.audit.AuditQueries;
import io.darkroom.application.resource.audit.ResourceHistory;
import io.darkroom.application.support.Page;
import io.darkroom.domain.resource.AssetId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beyond the reference: an asset's history (from the event store, deleted assets included) and
 * the cloud's audit trail (newest first, by time range and actor).
 */
@RestController
public class AuditController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ResourceHistory history;
    private final AuditQueries audit;
    private final VersionQueries versions;
    private final VersionsJson versionsJson;

    public AuditController(ResourceHistory history, AuditQueries audit, VersionQueries versions, VersionsJson versionsJson) {
        this.history = history;
        this.audit = audit;
        this.versions = versions;
        this.versionsJson = versionsJson;
    }

    /** With {@code as_of}: also the asset as it was then, and the history up to then. */
    @GetMapping("/v1_1/{cloud}/resources/by_asset_id/{assetId}/history")
    Map<String, Object> byAssetId(@PathVariable String cloud, @PathVariable String assetId, HttpServletRequest request) {
        Instant asOf = ApiParameters.of(request).instant("as_of");
        return historyOf(cloud, AssetId.of(assetId).value(), asOf, (Cloud) request.getAttribute(AdminApiGuard.CLOUD_ATTRIBUTE));
    }

    /**
     * Every step, oldest first; a step that stored a version or made one current names it, says whether its bytes are
     * still kept, and links to them (a signed {@code download_backup} URL, valid an hour).
     */
    public Map<String, Object> historyOf(String cloud, String assetId, Instant asOf, Cloud caller) {
        List<ResourceHistory.Step> steps = history.steps(cloud, assetId);
        Map<String, Boolean> kept = new java.util.HashMap<>();
        versions.versions(cloud, assetId).forEach(v -> kept.put(v.versionId(), v.restorable()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset_id", assetId);
        if (asOf != null) {
            body.put("as_of", TIME.format(asOf));
            Map<String, Object> state = new LinkedHashMap<>(io.darkroom.application.resource.audit.AssetAsOf.fold(
                    steps.stream().map(s -> Map.entry(s.entry().occurredAt(), s.event())).toList(), asOf));
            if (state.get("created_at") instanceof Instant created) {
                state.put("created_at", TIME.format(created));
            }
            body.put("resource", state.isEmpty() ? null : state);
        }
        List<Map<String, Object>> rendered = new java.util.ArrayList<>();
        for (ResourceHistory.Step step : steps) {
            if (asOf != null && step.entry().occurredAt().isAfter(asOf)) {
                break;
            }
            Map<String, Object> entry = render(step.entry());
            if (step.versionId() != null) {
                boolean restorable = kept.getOrDefault(step.versionId(), false);
                entry.put("version_id", step.versionId());
                entry.put("restorable", restorable);
                if (restorable && caller != null) {
                    entry.put("download_url", versionsJson.downloadUrl(caller, assetId, step.versionId()));
                }
            }
            rendered.add(entry);
        }
        body.put("history", rendered);
        return body;
    }

    @GetMapping("/v1_1/{cloud}/audit")
    Map<String, Object> audit(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Page<AuditEntry> page = audit.list(cloud, params.instant("since"), params.instant("until"), params.get("actor"),
                params.integer("max_results", 10, 1, 500), params.get("next_cursor"));
        return PageJson.of("entries", page.items().stream().map(AuditController::render).toList(), page.nextCursor());
    }

    private static Map<String, Object> render(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", e.eventType());
        json.put("time", TIME.format(e.occurredAt()));
        json.put("actor", e.actor());
        json.put("request_id", e.requestId());
        json.put("client_address", e.clientAddress());
        json.put("asset_id", e.assetId());
        json.put("resource_type", e.resourceType());
        json.put("type", e.type());
        json.put("public_id", e.publicId());
        json.put("changes", e.changes());
        return json;
    }
}
