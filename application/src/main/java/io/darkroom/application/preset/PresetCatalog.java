package io.darkroom.application.preset;

import java.util.List;
import java.util.Optional;

/** Port: the upload presets read model, written only by {@link PresetListingProjection}. */
public interface PresetCatalog {
    /** Inserts or replaces the row of (cloud, name). */
    void save(PresetView view);

    void delete(String cloud, String name);

    void clear();

    Optional<PresetView> find(String cloud, String name);

    /** Up to {@code limit} in ascending name order after {@code afterName} (exclusive, may be null). */
    List<PresetView> list(String cloud, String afterName, int limit);
}
