package io.darkroom.domain.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The context after a context operation, validated against {@link Labels}' limits. */
final class ContextRules {
    private ContextRules() {
    }

    static Map<String, String> apply(Map<String, String> current, ContextOperation operation, Map<String, String> given) {
        Map<String, String> next = switch (operation) {
            case REPLACE -> new LinkedHashMap<>(given);
            case ADD -> {
                Map<String, String> merged = new LinkedHashMap<>(current);
                merged.putAll(given);
                yield merged;
            }
            case REMOVE_ALL -> new LinkedHashMap<>();
        };
        return new Labels(List.of(), next).context();
    }
}
