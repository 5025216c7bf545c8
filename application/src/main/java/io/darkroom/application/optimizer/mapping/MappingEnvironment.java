package io.darkroom.application.optimizer.mapping;

/** What a mapping function sees of its delivery profile. */
public record MappingEnvironment(String pathPrefix, String defaultTransformation, String cloudName, String profileId) {
}
