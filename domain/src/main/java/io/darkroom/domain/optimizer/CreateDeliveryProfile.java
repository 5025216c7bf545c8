package io.darkroom.domain.optimizer;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a delivery profile, disabled; the domain is known to exist. */
public record CreateDeliveryProfile(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, String cnameId,
                                    String pathPrefix, String mappingFunctionId, String defaultTransformation,
                                    List<String> mediaSourceIds) {
}
