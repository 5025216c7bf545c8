/** The Media Optimizer's derived versions per media key (mo_derived). */
package io.darkroom.infrastructure.optimizer.media;
