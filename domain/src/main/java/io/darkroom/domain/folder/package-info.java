/**
 * Folders of dynamic folder mode: a folder path exists on its own ({@link io.darkroom.domain.folder.FolderCreated}) or
 * through the assets inside it, and a rename moves every asset inside, one event each, between
 * {@link io.darkroom.domain.folder.FolderRenameStarted} and {@link io.darkroom.domain.folder.FolderRenamed}.
 */
package io.darkroom.domain.folder;
