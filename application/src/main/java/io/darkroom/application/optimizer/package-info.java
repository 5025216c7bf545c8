/** The Media Optimizer API: configuration (media sources, mapping functions, delivery profiles, domains) and its read model. */
package io.darkroom.application.optimizer;
