package io.darkroom.domain.optimizer;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A delivery profile changed: its whole state after the change. */
@Revision("1")
public record DeliveryProfileUpdated(String cloud, String id, String displayName, String cnameId, String pathPrefix, String mappingFunctionId,
                                     String defaultTransformation, List<String> mediaSourceIds, boolean enabled) implements OptimizerEvent {
}
