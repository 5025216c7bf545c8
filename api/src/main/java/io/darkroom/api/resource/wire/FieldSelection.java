package io.darkroom.api.resource.wire;

import io.darkroom.api.web.ApiParameters;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fields} parameter of listings and details: only the named fields are in each item,
 * plus {@code asset_id} and {@code public_id}, which are always there. Naming {@code tags},
 * {@code context} or {@code moderation} includes them without their own flag (fields take precedence).
 */
public final class FieldSelection {
    private static final Set<String> ALWAYS = Set.of("asset_id", "public_id");
    public static final FieldSelection ALL = new FieldSelection(null);

    private final Set<String> fields;

    private FieldSelection(Set<String> fields) {
        this.fields = fields;
    }

    public static FieldSelection of(ApiParameters params) {
        List<String> names = params.list("fields");
        return names == null || names.isEmpty() ? ALL : new FieldSelection(Set.copyOf(names));
    }

    public boolean all() {
        return fields == null;
    }

    /** What a list entry must carry: the flags asked for, or exactly what the fields name. */
    public ResourceJson.Include include(ResourceJson.Include asked) {
        if (fields == null) {
            return asked;
        }
        return new ResourceJson.Include(fields.contains("tags"), fields.contains("context"),
                fields.contains("moderation") || fields.contains("moderation_status"));
    }

    /** {@code json} with only the selected fields (in place; answers it). */
    public Map<String, Object> apply(Map<String, Object> json) {
        if (fields != null) {
            json.keySet().removeIf(key -> !ALWAYS.contains(key) && !fields.contains(key));
        }
        return json;
    }
}
