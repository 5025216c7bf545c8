/** How stored events of older shapes are read: upcasters, oldest revision first. */
package io.darkroom.infrastructure.eventstore;
