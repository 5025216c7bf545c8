/** The transformations read model in PostgreSQL. */
package io.darkroom.infrastructure.transformation;
