/** Implementations of the application's ports: PostgreSQL, files, imaging, cryptography, HTTP fetches. */
package io.darkroom.infrastructure;
