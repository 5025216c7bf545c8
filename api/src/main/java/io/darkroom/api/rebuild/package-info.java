/** Rebuilding read models: the operator endpoints (behind DARKROOM_OPERATOR_TOKEN), the rebuild command line and their wiring. */
package io.darkroom.api.rebuild;
