/** Deriving media: what a transformation asks of the imaging engine, and the engine's port. */
package io.darkroom.application.transformation.derive;
