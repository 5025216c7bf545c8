package io.darkroom.domain.folder;

import org.axonframework.serialization.Revision;

/** Every asset of the folder and its subfolders has moved: the folder and its subfolders are now under {@code to}. */
@Revision("1")
public record FolderRenamed(String id, String cloud, String path, String to) implements FolderEvent {
}
