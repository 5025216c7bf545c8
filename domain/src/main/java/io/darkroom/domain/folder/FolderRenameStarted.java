package io.darkroom.domain.folder;

import org.axonframework.serialization.Revision;

/**
 * The folder is being renamed (or moved) to {@code to}: its assets move one event each until {@link FolderRenamed}
 * says all have.
 */
@Revision("1")
public record FolderRenameStarted(String id, String cloud, String path, String to) implements FolderEvent {
}
