/** Wiring: configuration properties, the database, Axon, and the beans of every port. */
package io.darkroom.api.config;
