package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.BlobStoreSettingsException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.time.Duration;

/**
 * The blob store's S3 client and its check at start. Path-style addressing and checksums only when required are what
 * Ceph RGW, MinIO and S3Proxy accept (with the SDK's default checksums Ceph answers uploads with 400); a pool of
 * keep-alive connections serves every node's transfers; connecting may take 2 s and a socket may stay silent for
 * {@code timeout} before the call fails (the SDK retries a failed call twice, with backoff).
 */
public final class S3Clients {
    private S3Clients() {
    }

    /** {@code endpoint} null: AWS; {@code region} null: us-east-1. */
    public static S3Client blobClient(URI endpoint, String region, boolean pathStyle, Duration timeout,
                                      AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                .credentialsProvider(credentials)
                .httpClient(Apache5HttpClient.builder().maxConnections(64).connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(timeout).connectionAcquisitionTimeout(Duration.ofSeconds(10)).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(pathStyle);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /**
     * Fails the start when the store refuses Darkroom (no or wrong credentials, no such bucket), with a message that
     * says what to fix; a store that cannot be reached is only reported (the health check shows it down, and Darkroom
     * uses it once it answers).
     *
     * @return null when the bucket answered, else why it could not be reached
     */
    public static String verify(S3Client s3, AwsCredentialsProvider credentials, String bucket, String where) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new BlobStoreSettingsException("No credentials for the S3 blob store: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE, or run with an instance role)");
        }
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 403 || e.statusCode() == 401) {
                throw new BlobStoreSettingsException("The S3 blob store at " + where + " refused Darkroom's credentials for bucket '"
                        + bucket + "' (HTTP " + e.statusCode() + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the profile "
                        + "or role in use) and the bucket's policy");
            }
            if (e.statusCode() == 404) {
                throw new BlobStoreSettingsException("The S3 blob store at " + where + " has no bucket '" + bucket
                        + "': create it, or set DARKROOM_BLOB_S3_BUCKET to an existing one");
            }
            return S3Failures.describe(e);
        } catch (SdkClientException e) {
            return S3Failures.describe(e);
        }
    }
}
