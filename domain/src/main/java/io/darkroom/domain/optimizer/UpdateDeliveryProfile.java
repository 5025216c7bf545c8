package io.darkroom.domain.optimizer;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a delivery profile; null leaves a part as it is (an empty path prefix or default transformation clears it). */
public record UpdateDeliveryProfile(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, String cnameId,
                                    String pathPrefix, String mappingFunctionId, String defaultTransformation,
                                    List<String> mediaSourceIds, Boolean enabled) {
}
