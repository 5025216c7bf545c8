package io.darkroom.application.optimizer.mapping;

/**
 * A mapping function's answer: the key the media sources are asked for, the key the derived media is stored under, the
 * transformation to apply, and the resource type.
 */
public record MappingResult(String fwdKey, String mediaKey, String transformation, String resourceType) {
}
