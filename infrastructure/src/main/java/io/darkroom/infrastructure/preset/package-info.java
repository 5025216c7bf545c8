/** Upload presets in PostgreSQL. */
package io.darkroom.infrastructure.preset;
