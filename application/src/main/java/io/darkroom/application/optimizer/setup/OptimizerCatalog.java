package io.darkroom.application.optimizer.setup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the Media Optimizer read model (in creation order). */
public interface OptimizerCatalog {
    void saveSource(MediaSourceView source, Instant createdAt);

    void deleteSource(String cloud, String id);

    List<MediaSourceView> sources(String cloud);

    Optional<MediaSourceView> source(String cloud, String id);

    void saveFunction(String cloud, MappingFunctionView function, Instant createdAt);

    void deleteFunction(String cloud, String id);

    List<MappingFunctionView> functions(String cloud);

    Optional<MappingFunctionView> function(String cloud, String id);

    void saveProfile(DeliveryProfileView profile, Instant createdAt);

    void deleteProfile(String cloud, String id);

    List<DeliveryProfileView> profiles(String cloud);

    Optional<DeliveryProfileView> profile(String cloud, String id);

    /** The enabled profiles on a domain, longest path prefix first. */
    List<DeliveryProfileView> enabledOn(String cloud, String cnameId);

    void clear();
}
