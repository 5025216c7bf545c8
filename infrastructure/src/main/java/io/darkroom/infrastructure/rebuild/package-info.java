/** Rebuilding read models from the event store while Darkroom serves: shadow tables, catch-up, switch, verify. */
package io.darkroom.infrastructure.rebuild;
