/** Deriving images: what a transformation asks of the imaging engine (the plan), the engine's port, derived files, their records and clean-up. */
package io.darkroom.application.derivation;
