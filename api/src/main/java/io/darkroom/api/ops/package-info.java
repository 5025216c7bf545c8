/** Operator endpoints (behind {@code DARKROOM_OPERATOR_TOKEN}): rebuilding read models online. */
package io.darkroom.api.ops;
