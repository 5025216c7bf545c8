/** The usage projection's tables in PostgreSQL. */
package io.darkroom.infrastructure.usage;
