/** Darkroom's own meters for Prometheus, beside Spring's HTTP and JVM meters and Axon's. */
package io.darkroom.api.metrics;
