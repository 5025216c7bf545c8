package io.darkroom.domain.preset;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A preset's settings as the Upload API's form fields carry them (tags {@code a,b}, context {@code k=v|k2=v2}, booleans
 * {@code true}/{@code false}, a transformation as its URL string): applying a preset is putting these under the call's
 * own fields. Sorted, so that events and answers list them in one order.
 */
public final class PresetSettings {
    private PresetSettings() {
    }

    public static SortedMap<String, String> copyOf(Map<String, String> settings) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(settings == null ? Map.of() : settings));
    }

    /** {@code current} with {@code changes} applied: a key with an empty value is removed, others set. */
    public static SortedMap<String, String> merge(Map<String, String> current, Map<String, String> changes) {
        TreeMap<String, String> next = new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
        });
        return Collections.unmodifiableSortedMap(next);
    }
}
