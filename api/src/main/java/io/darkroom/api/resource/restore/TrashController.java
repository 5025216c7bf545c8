package io.darkroom.api.resource.restore;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.PageJson;
import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.TrashListing;
import io.darkroom.application.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Beyond the reference: the cloud's trash, listed by keyset (signed cursors, as every listing). */
@RestController
public class TrashController {
    private final TrashListing trash;
    private final TrashRetention retention;

    public TrashController(TrashListing trash, TrashRetention retention) {
        this.trash = trash;
        this.retention = retention;
    }

    /**
     * The cloud's trash, newest deletion first, by cursor: what each entry was called, its version current at deletion,
     * when it was deleted and until when it can be restored.
     */
    @GetMapping("/v1_1/{cloud}/resources/trash")
    Map<String, Object> trash(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Page<TrashedAsset> page = trash.page(cloud, params.integer("max_results", 10, 1, 500), params.get("next_cursor"));
        Duration retention = this.retention.of(cloud);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (TrashedAsset t : page.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("asset_id", t.assetId());
            entry.put("public_id", t.publicId());
            entry.put("resource_type", t.resourceType());
            entry.put("type", t.type());
            entry.put("version_id", t.versionId());
            entry.put("deleted_at", t.deletedAt().toString());
            entry.put("restorable_until", t.deletedAt().plus(retention).toString());
            resources.add(entry);
        }
        return PageJson.of("resources", resources, page.nextCursor());
    }
}
