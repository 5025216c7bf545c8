package io.darkroom.domain.optimizer;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A media source was created; secret config values are sealed (encrypted). */
@Revision("1")
public record MediaSourceCreated(String cloud, String id, String displayName, String uriType, Map<String, Object> config) implements OptimizerEvent {
}
