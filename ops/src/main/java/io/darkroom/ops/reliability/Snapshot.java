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
        String cursor = null;
        do {
            Api.Answer page = api.admin("GET", "resources/image/upload?max_results=500&tags=true&context=true"
                    + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            require(page);
            JsonNode json = page.json();
            for (JsonNode resource : json.path("resources")) {
                if (resources.put(resource.path("public_id").asText(), resource) != null) {
                    duplicates.add(resource.path("public_id").asText());
                }
            }
            cursor = json.hasNonNull("next_cursor") ? json.get("next_cursor").asText() : null;
        } while (cursor != null);
        List<String> audit = new ArrayList<>();
        cursor = null;
        do {
            Api.Answer page = api.admin("GET", "audit?max_results=500"
                    + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            require(page);
            JsonNode json = page.json();
            for (JsonNode entry : json.path("entries")) {
                audit.add(entry.toString());
            }
            cursor = json.hasNonNull("next_cursor") ? json.get("next_cursor").asText() : null;
        } while (cursor != null);
        java.util.Set<String> trash = new java.util.TreeSet<>();
        cursor = null;
        do {
            Api.Answer page = api.admin("GET", "resources/trash?max_results=500"
                    + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            require(page);
            JsonNode json = page.json();
            for (JsonNode entry : json.path("resources")) {
                trash.add(entry.path("asset_id").asText());
            }
            cursor = json.hasNonNull("next_cursor") ? json.get("next_cursor").asText() : null;
        } while (cursor != null);
        return new Snapshot(resources, audit, duplicates, trash);
    }

    private static void require(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("snapshot request failed: " + answer.status() + " " + answer.body());
        }
    }
}
