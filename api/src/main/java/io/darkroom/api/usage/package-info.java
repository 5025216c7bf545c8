/** {@code GET /v1_1/:cloud/usage} and Darkroom's history and per-folder answers beyond it. */
package io.darkroom.api.usage;
