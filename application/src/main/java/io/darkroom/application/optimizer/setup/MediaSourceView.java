package io.darkroom.application.optimizer.setup;

import java.util.Map;

/** A media source as the read model holds it: secret config values sealed. */
public record MediaSourceView(String cloud, String id, String displayName, String uriType, Map<String, Object> config) {
}
