/** The embedded PostgreSQL server Darkroom starts when no external database is configured. */
package io.darkroom.infrastructure.postgres;
