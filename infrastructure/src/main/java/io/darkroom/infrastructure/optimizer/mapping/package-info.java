/** Custom mapping functions in a GraalJS CONSTRAINED sandbox: one engine, a context pool per code, a CPU-time watchdog. */
package io.darkroom.infrastructure.optimizer.mapping;
