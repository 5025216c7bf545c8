package io.darkroom.domain.preset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteUploadPreset(@TargetAggregateIdentifier String id, String cloud) {
}
