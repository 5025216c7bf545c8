package io.darkroom.application.folder;

import java.util.Collection;

/**
 * Port: the write side of the folder read model, used only by {@link FolderProjection}. Every write is idempotent. A
 * folder's parents exist with it.
 */
public interface FolderCatalog {
    /** Each folder (not the root) and its parents exist from now on; those new to the model were made {@code at}. */
    void ensure(String cloud, Collection<String> paths, java.time.Instant at);

    /** The folder and every folder inside it are gone. */
    void delete(String cloud, String path);

    /** The folder and every folder inside it are now under {@code to} (with {@code to}'s parents, made {@code at}). */
    void rename(String cloud, String from, String to, java.time.Instant at);

    /** Remove every row, before a replay rebuilds them. */
    void clear();
}
