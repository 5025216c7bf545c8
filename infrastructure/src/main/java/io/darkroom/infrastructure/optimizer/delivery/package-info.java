/** Media Optimizer origins: S3-compatible object stores (AWS SDK v2). */
package io.darkroom.infrastructure.optimizer.delivery;
