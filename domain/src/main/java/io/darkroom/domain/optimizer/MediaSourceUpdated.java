package io.darkroom.domain.optimizer;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A media source changed: its whole state after the change (secret config values sealed). */
@Revision("1")
public record MediaSourceUpdated(String cloud, String id, String displayName, String uriType, Map<String, Object> config) implements OptimizerEvent {
}
