/** Mapping functions: the engine port that runs custom JavaScript, its requests, results and failures. */
package io.darkroom.application.optimizer.mapping;
