package io.darkroom.domain.folder;

/** A folder can be renamed by one rename at a time. */
public class FolderRenameRunningException extends RuntimeException {
    public FolderRenameRunningException(String path, String to) {
        super("Folder " + path + " is being renamed to " + to + "; try again when that is done");
    }
}
