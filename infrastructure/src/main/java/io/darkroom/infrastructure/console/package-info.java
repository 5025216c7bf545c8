/** Console sessions in PostgreSQL. */
package io.darkroom.infrastructure.console;
