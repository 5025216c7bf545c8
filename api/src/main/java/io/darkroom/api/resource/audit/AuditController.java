package io.darkroom.api.resource.audit;

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

    public AuditController(ResourceHistory history, AuditQueries audit) {
        this.history = history;
        this.audit = audit;
    }

    @GetMapping("/v1_1/{cloud}/resources/by_asset_id/{assetId}/history")
    Map<String, Object> byAssetId(@PathVariable String cloud, @PathVariable String assetId) {
        return historyOf(cloud, AssetId.of(assetId).value());
    }

    public Map<String, Object> historyOf(String cloud, String assetId) {
        List<AuditEntry> entries = history.of(cloud, assetId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset_id", assetId);
        body.put("history", entries.stream().map(AuditController::render).toList());
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
