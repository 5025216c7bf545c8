package io.darkroom.application.optimizer.mapping;

import java.util.Map;

/** What a mapping function sees of a request: the path after the domain (no leading slash), query, headers, host. */
public record MappingRequest(String path, Map<String, String> query, Map<String, String> headers, String host) {
}
