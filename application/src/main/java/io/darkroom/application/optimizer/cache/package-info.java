/** Media Optimizer cache control: invalidation of derived versions and warm-ups (queue, webhook notifications). */
package io.darkroom.application.optimizer.cache;
