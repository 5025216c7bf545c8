/** Chunked uploads' state in PostgreSQL. */
package io.darkroom.infrastructure.upload;
