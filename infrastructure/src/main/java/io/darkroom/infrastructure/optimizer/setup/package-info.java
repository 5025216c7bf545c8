/** The Media Optimizer's configuration read model (mo_* tables). */
package io.darkroom.infrastructure.optimizer.setup;
