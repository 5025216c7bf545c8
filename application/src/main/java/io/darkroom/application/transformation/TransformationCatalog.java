package io.darkroom.application.transformation;

import java.util.List;
import java.util.Optional;

/** Port: the transformations read model, written only by {@link TransformationListingProjection}. */
public interface TransformationCatalog {
    void save(TransformationView view);

    /** A new definition and strict-mode permission for an existing row (absent: nothing happens). */
    void update(String cloud, String name, String definition, boolean allowedForStrict);

    void delete(String cloud, String name);

    void clear();

    Optional<TransformationView> find(String cloud, String name);

    /** Up to {@code limit} in ascending name order after {@code afterName} (exclusive, may be null); {@code named} null = both kinds. */
    List<TransformationView> list(String cloud, Boolean named, String afterName, int limit);
}
