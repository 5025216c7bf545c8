package io.darkroom.domain.optimizer;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a media source; {@code config} is complete for its type, secrets sealed. */
public record CreateMediaSource(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, UriType uriType,
                                Map<String, Object> config) {
}
