/** Media Optimizer media: the derived versions of each media key, recorded and invalidated (the OptimizedMedia aggregate's read model). */
package io.darkroom.application.optimizer.media;
