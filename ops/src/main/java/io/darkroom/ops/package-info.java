/** Operator tooling that runs outside the server. */
package io.darkroom.ops;
