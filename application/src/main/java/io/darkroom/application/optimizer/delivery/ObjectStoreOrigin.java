package io.darkroom.application.optimizer.delivery;

import java.util.Optional;

/** Port: reads an object from an S3-compatible bucket with the source's keys; empty when there is no such object. */
public interface ObjectStoreOrigin {
    Optional<byte[]> get(String bucket, String key, String accessKey, String secretKey, long maxBytes);
}
