package io.darkroom.domain.preset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Change a preset: {@code unsigned} and {@code disallowPublicId} null stay as they are; each of {@code settings} replaces
 * that setting (an empty value removes it), the others stay.
 */
public record UpdateUploadPreset(@TargetAggregateIdentifier String id, String cloud, Boolean unsigned,
                                 Boolean disallowPublicId, Map<String, String> settings) {
    public UpdateUploadPreset {
        settings = Map.copyOf(settings == null ? Map.of() : settings);
    }
}
