/** The Media Optimizer's warm-up queue (leased claims with a fencing token). */
package io.darkroom.infrastructure.optimizer.cache;
