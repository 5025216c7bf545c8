/** The folder read model and the queue of folder renames in PostgreSQL. */
package io.darkroom.infrastructure.folder;
