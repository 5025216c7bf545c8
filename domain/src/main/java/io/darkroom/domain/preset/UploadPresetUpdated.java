package io.darkroom.domain.preset;

import org.axonframework.serialization.Revision;

import java.util.SortedMap;

/** A preset changed; the event holds its whole new state, so a projection needs no earlier event to apply it. */
@Revision("1")
public record UploadPresetUpdated(String id, String cloud, String name, boolean unsigned, boolean disallowPublicId,
                                  SortedMap<String, String> settings) implements UploadPresetEvent {
}
