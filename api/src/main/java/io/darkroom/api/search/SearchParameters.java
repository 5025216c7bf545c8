package io.darkroom.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.search.ResourceSearch;
import io.darkroom.application.search.SearchRequest;
import io.darkroom.application.support.DarkroomException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Search API's parameters as the SDKs send them: in a JSON body ({@code sort_by} a list of one-key objects, the others
 * lists) or, over GET, in the query ({@code sort_by} as that JSON, as {@code field:direction} or as {@code field}, repeated
 * or comma-separated; the lists repeated or comma-separated).
 */
final class SearchParameters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchParameters() {
    }

    static List<SearchRequest.SortKey> sort(ApiParameters params) {
        List<String> raw = params.raw().containsKey("sort_by[]") ? params.raw().get("sort_by[]") : params.raw().get("sort_by");
        List<SearchRequest.SortKey> keys = new ArrayList<>();
        if (raw == null) {
            return keys;
        }
        for (String value : raw) {
            String text = value.strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                readJson(text, keys);
            } else {
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        int colon = part.indexOf(':');
                        keys.add(colon < 0 ? ResourceSearch.sortKey(part.strip(), null)
                                : ResourceSearch.sortKey(part.substring(0, colon).strip(), part.substring(colon + 1)));
                    }
                }
            }
        }
        if (keys.size() > 5) {
            throw DarkroomException.badRequest("sort_by takes at most 5 fields");
        }
        return keys;
    }

    private static void readJson(String text, List<SearchRequest.SortKey> keys) {
        try {
            JsonNode node = JSON.readTree(text);
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            for (JsonNode item : items) {
                if (!item.isObject() || item.size() != 1) {
                    throw DarkroomException.badRequest("sort_by items are objects of one field: {\"created_at\": \"desc\"}");
                }
                item.properties().forEach(e -> keys.add(ResourceSearch.sortKey(e.getKey(), e.getValue().asText())));
            }
        } catch (IOException e) {
            throw DarkroomException.badRequest("sort_by is not valid JSON: " + text);
        }
    }

    static Set<SearchRequest.Aggregate> aggregates(ApiParameters params) {
        Set<SearchRequest.Aggregate> aggregates = new LinkedHashSet<>();
        List<String> names = params.list("aggregate");
        if (names != null) {
            names.forEach(name -> aggregates.add(ResourceSearch.aggregate(name)));
        }
        return aggregates;
    }

    static Integer maxResults(ApiParameters params) {
        String value = params.get("max_results");
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DarkroomException.badRequest("max_results must be a whole number, not " + value);
        }
    }

    static Set<String> list(ApiParameters params, String name) {
        List<String> values = params.list(name);
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
