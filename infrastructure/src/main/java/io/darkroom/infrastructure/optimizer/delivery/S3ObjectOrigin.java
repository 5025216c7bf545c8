package io.darkroom.infrastructure.optimizer.delivery;

import io.darkroom.application.optimizer.delivery.ObjectStoreOrigin;
import io.darkroom.application.support.DarkroomException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * S3 media sources through the AWS SDK v2, against AWS or any S3-compatible endpoint ({@code endpoint}, path-style
 * addressing, checksums only when required: what Ceph RGW, MinIO and S3Proxy accept). A client is made per fetch with the
 * source's own keys: fetches happen only when a variant is derived, so there is nothing worth pooling.
 */
public class S3ObjectOrigin implements ObjectStoreOrigin {
    private final URI endpoint;
    private final Region region;
    private final Duration timeout;

    /** {@code endpoint} null: AWS itself. */
    public S3ObjectOrigin(URI endpoint, String region, Duration timeout) {
        this.endpoint = endpoint;
        this.region = Region.of(region == null || region.isBlank() ? "us-east-1" : region);
        this.timeout = timeout;
    }

    @Override
    public Optional<byte[]> get(String bucket, String key, String accessKey, String secretKey, long maxBytes) {
        var builder = S3Client.builder().region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(true);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (S3Client s3 = builder.build();
             ResponseInputStream<GetObjectResponse> object = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            Long length = object.response().contentLength();
            if (length != null && length > maxBytes) {
                throw DarkroomException.badRequest("File size too large. Maximum is " + maxBytes + " bytes");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = object.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxBytes) {
                    throw DarkroomException.badRequest("File size too large. Maximum is " + maxBytes + " bytes");
                }
                bytes.write(buffer, 0, read);
            }
            return Optional.of(bytes.toByteArray());
        } catch (NoSuchKeyException | NoSuchBucketException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "The S3 source answered " + e.statusCode() + " for "
                    + bucket + "/" + key + (e.awsErrorDetails() == null ? "" : " (" + e.awsErrorDetails().errorCode() + ")"));
        } catch (SdkException | IOException e) {
            throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "Could not read " + bucket + "/" + key + " from the S3 source: "
                    + e.getClass().getSimpleName());
        }
    }
}
