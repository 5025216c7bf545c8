package io.darkroom.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of a listing in the API's shape: the items under their key, and {@code next_cursor} only when more remain. */
public final class PageJson {
    private PageJson() {
    }

    public static Map<String, Object> of(String key, List<?> items, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        if (nextCursor != null) {
            body.put("next_cursor", nextCursor);
        }
        return body;
    }
}
