/** The Media Optimizer's read model in PostgreSQL and its JavaScript sandbox for mapping functions. */
package io.darkroom.infrastructure.optimizer;
