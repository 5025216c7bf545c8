/** Transformation strings: parsing, the canonical form that names a transformation, and its long-name rendering. */
package io.darkroom.domain.transformation;
