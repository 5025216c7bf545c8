/** Darkroom's domain: aggregates, their commands, events and value objects; no framework code but Axon's modelling annotations. */
package io.darkroom.domain;
