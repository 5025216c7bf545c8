package io.darkroom.domain.preset;

import org.axonframework.serialization.Revision;

import java.util.SortedMap;

/** A preset was created with these settings (the Upload API's field values, see {@link PresetSettings}). */
@Revision("1")
public record UploadPresetCreated(String id, String cloud, String name, boolean unsigned, boolean disallowPublicId,
                                  SortedMap<String, String> settings) implements UploadPresetEvent {
}
