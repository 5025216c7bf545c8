package io.darkroom.domain.preset;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UploadPresetDeleted(String id, String cloud, String name) implements UploadPresetEvent {
}
