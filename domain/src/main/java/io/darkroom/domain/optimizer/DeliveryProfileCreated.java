package io.darkroom.domain.optimizer;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A delivery profile was created (disabled, as new profiles are). */
@Revision("1")
public record DeliveryProfileCreated(String cloud, String id, String displayName, String cnameId, String pathPrefix, String mappingFunctionId,
                                     String defaultTransformation, List<String> mediaSourceIds, boolean enabled) implements OptimizerEvent {
}
