package io.darkroom.api.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the bytes live ({@code darkroom.blob.*}; {@code DARKROOM_BLOB_STORE}, {@code DARKROOM_BLOB_S3_BUCKET}...).
 *
 * @param store {@code file} (default: {@code blobs/} under the data directory) or {@code s3}
 * @param s3    the bucket, for {@code s3}
 */
@ConfigurationProperties(prefix = "darkroom.blob")
public record BlobProperties(String store, S3 s3) {
    public BlobProperties {
        store = store == null || store.isBlank() ? "file" : store.trim().toLowerCase(java.util.Locale.ROOT);
        s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
        if (!store.equals("file") && !store.equals("s3")) {
            throw new IllegalArgumentException("DARKROOM_BLOB_STORE must be file or s3, not " + store);
        }
    }

    public boolean inBucket() {
        return store.equals("s3");
    }

    /**
     * An S3-compatible bucket; credentials come from the AWS SDK's provider chain (never from here).
     *
     * @param bucket    the bucket (must exist)
     * @param prefix    what every key starts with, so one bucket can hold several installations; default none
     * @param endpoint  {@code http(s)://host:port} of an S3-compatible server; unset: AWS
     * @param region    default us-east-1
     * @param pathStyle bucket in the path rather than the host name; default true (what S3-compatible servers expect)
     * @param timeout   longest silence on a connection before a call fails; default 30s
     */
    public record S3(String bucket, String prefix, String endpoint, String region, Boolean pathStyle, Duration timeout) {
        public S3 {
            pathStyle = pathStyle == null || pathStyle;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }
}
