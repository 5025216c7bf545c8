/** The reliability suite: crash, outage, fuzz, two-node and authentication scenarios against real Darkroom processes. */
package io.darkroom.ops.reliability;
