/** The Media Optimizer API ({@code /v1/:cloud/...}): configuration, transformations, usage, warm-up and invalidation. */
package io.darkroom.api.optimizer;
