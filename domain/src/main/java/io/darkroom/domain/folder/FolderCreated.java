package io.darkroom.domain.folder;

import org.axonframework.serialization.Revision;

/** The folder was made on its own (its parents exist with it). */
@Revision("1")
public record FolderCreated(String id, String cloud, String path) implements FolderEvent {
}
