package io.darkroom.domain.folder;

/** Events of the {@link Folder} aggregate. Stored format: change only with an upcaster. */
public sealed interface FolderEvent permits FolderCreated, FolderDeleted, FolderRenameStarted, FolderRenamed {
    String id();

    String cloud();

    /** The folder's full path. */
    String path();
}
