/** Wiring of derivation: the imaging engine, eager derivations in the background, the one-off clean-up of derived files made before metadata stripping. */
package io.darkroom.api.derivation;
