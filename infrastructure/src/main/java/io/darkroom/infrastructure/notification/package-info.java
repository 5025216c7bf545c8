/** The webhook queue in PostgreSQL. */
package io.darkroom.infrastructure.notification;
