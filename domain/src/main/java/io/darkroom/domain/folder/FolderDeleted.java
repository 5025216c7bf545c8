package io.darkroom.domain.folder;

import org.axonframework.serialization.Revision;

/** The folder and every folder inside it were removed; they held no asset. */
@Revision("1")
public record FolderDeleted(String id, String cloud, String path) implements FolderEvent {
}
