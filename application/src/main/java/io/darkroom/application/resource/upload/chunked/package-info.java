/** Chunked uploads: parts of one file sent as consecutive requests, kept in PostgreSQL and the blob store until complete. */
package io.darkroom.application.resource.upload.chunked;
