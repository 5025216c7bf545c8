package io.darkroom.ops.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.darkroom.ops.client.Api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the read models answer, fetched over the Admin API: every listed resource with its
 * tags, the whole audit trail, and the trash (asset ids). Two snapshots are equal when the read models agree.
 */
record Snapshot(Map<String, JsonNode> resources, List<String> audit, List<String> duplicates, java.util.Set<String> trash) {

    static Snapshot take(Api api) throws Exception {
        Map<String, JsonNode> resources = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        pages(api, "resources/image/upload?max_results=500&tags=true&context=true", "resources", resource -> {
            if (resources.put(resource.path("public_id").asText(), resource) != null) {
                duplicates.add(resource.path("public_id").asText());
            }
        });
        List<String> audit = new ArrayList<>();
        pages(api, "audit?max_results=500", "entries", entry -> audit.add(entry.toString()));
        java.util.Set<String> trash = new java.util.TreeSet<>();
        pages(api, "resources/trash?max_results=500", "resources", entry -> trash.add(entry.path("asset_id").asText()));
        return new Snapshot(resources, audit, duplicates, trash);
    }

    /** Every item of a listing, page after page by its cursor. */
    private static void pages(Api api, String path, String items, java.util.function.Consumer<JsonNode> each) throws Exception {
        String cursor = null;
        do {
            Api.Answer page = api.admin("GET", path
                    + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            require(page);
            JsonNode json = page.json();
            json.path(items).forEach(each);
            cursor = json.hasNonNull("next_cursor") ? json.get("next_cursor").asText() : null;
        } while (cursor != null);
    }

    private static void require(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("snapshot request failed: " + answer.status() + " " + answer.body());
        }
    }
}
