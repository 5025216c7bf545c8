package io.darkroom.application.cloud;

import java.util.Optional;

/** Port: the clouds this Darkroom serves, by name. */
public interface CloudDirectory {
    Optional<Cloud> find(String cloudName);

    /** When the cloud was first served (empty when unknown). */
    default Optional<java.time.Instant> createdAt(String cloudName) {
        return Optional.empty();
    }
}
