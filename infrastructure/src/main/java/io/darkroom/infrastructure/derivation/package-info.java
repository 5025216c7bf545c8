/** Derivation's read models in PostgreSQL: derived files, pending eager derivations, files derived before metadata stripping. */
package io.darkroom.infrastructure.derivation;
