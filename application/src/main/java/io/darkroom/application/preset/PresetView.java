package io.darkroom.application.preset;

import java.util.SortedMap;

/** A preset as the read model holds it; {@code settings} are the Upload API's field values. */
public record PresetView(String cloud, String name, boolean unsigned, boolean disallowPublicId,
                         SortedMap<String, String> settings) {
}
