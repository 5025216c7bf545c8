package io.darkroom.domain.preset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Create a preset under {@code name}; the id is {@link UploadPresetId#of} the cloud and name. */
public record CreateUploadPreset(@TargetAggregateIdentifier String id, String cloud, String name, boolean unsigned,
                                 boolean disallowPublicId, Map<String, String> settings) {
    public CreateUploadPreset {
        settings = PresetSettings.copyOf(settings);
    }
}
