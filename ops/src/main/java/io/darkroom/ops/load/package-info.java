/** The load tool: seeds resources through the real Upload API and measures Admin API listing latency. */
package io.darkroom.ops.load;
