package io.darkroom.domain.optimizer;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a media source; null leaves a part as it is. A new config replaces the whole config. */
public record UpdateMediaSource(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, UriType uriType,
                                Map<String, Object> config) {
}
