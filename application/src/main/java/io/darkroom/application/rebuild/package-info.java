/** Rebuilding read models by replaying the event store through their projections. */
package io.darkroom.application.rebuild;
