/**
 * Folders: each cloud's folder mode, the folder read model, the Folders API's changes and the mover that carries out
 * folder renames in batches on any node.
 */
package io.darkroom.application.folder;
