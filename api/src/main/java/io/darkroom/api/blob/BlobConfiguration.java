package io.darkroom.api.blob;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.blob.BlobCleanupProjection;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.BlobStoreSettingsException;
import io.darkroom.application.blob.CopyableBlobStore;
import io.darkroom.application.blob.BlobSweeper;
import io.darkroom.infrastructure.blob.FileSystemBlobStore;
import io.darkroom.infrastructure.blob.JdbcBlobAudit;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.blob.S3BlobStore;
import io.darkroom.infrastructure.blob.S3Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The blob store ({@code blobs/} under the data directory, or an S3-compatible bucket: {@link BlobProperties}), its
 * health, and the queue and sweeper that remove the bytes of deleted things.
 */
@Configuration(proxyBeanMethods = false)
public class BlobConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(BlobConfiguration.class);

    @Bean
    BlobStore blobStore(DarkroomProperties properties, BlobProperties blob) throws IOException {
        return blob.inBucket() ? openBucket(blob.s3()) : fileStore(properties.dataDir().toAbsolutePath().resolve("blobs"));
    }

    static BlobStore fileStore(Path root) throws IOException {
        return new FileSystemBlobStore(root);
    }

    /** The bucket, checked before use: a refusal stops the start with what to fix; a bucket out of reach is only logged. */
    static CopyableBlobStore openBucket(BlobProperties.S3 s3) {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw new BlobStoreSettingsException("DARKROOM_BLOB_STORE=s3 needs DARKROOM_BLOB_S3_BUCKET");
        }
        URI endpoint = s3.endpoint() == null || s3.endpoint().isBlank() ? null : URI.create(s3.endpoint().trim());
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        S3Client client = S3Clients.blobClient(endpoint, s3.region(), s3.pathStyle(), s3.timeout(), credentials);
        String where = endpoint == null ? "AWS" : endpoint.toString();
        String unreachable = S3Clients.verify(client, credentials, s3.bucket(), where);
        if (unreachable != null) {
            LOG.warn("The S3 blob store at {} (bucket {}) cannot be reached yet ({}): uploads and deliveries answer 503 until it can",
                    where, s3.bucket(), unreachable);
        } else {
            LOG.info("Blobs are stored in bucket {} at {}{}", s3.bucket(), where,
                    s3.prefix() == null || s3.prefix().isBlank() ? "" : " under " + s3.prefix());
        }
        return new S3BlobStore(client, s3.bucket(), s3.prefix(), partUploads());
    }

    /** A few parts of a large file go up at once, whichever request stores it. */
    private static ExecutorService partUploads() {
        return Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "blob-part-upload");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    HealthIndicator blobStoreHealthIndicator(BlobStore blobs, BlobProperties blob) {
        return () -> {
            try {
                blobs.check();
                return Health.up().withDetail("store", blob.store()).build();
            } catch (IOException | RuntimeException e) {
                return Health.down().withDetail("store", blob.store()).withDetail("reason", e.getMessage()).build();
            }
        };
    }

    @Bean
    JdbcBlobAudit blobAudit(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcBlobAudit(jdbc, transactions);
    }

    @Bean
    JdbcBlobDeletionQueue blobDeletionQueue(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcBlobDeletionQueue(jdbc, transactions);
    }

    @Bean
    BlobCleanupProjection blobCleanupProjection(JdbcBlobDeletionQueue queue) {
        return new BlobCleanupProjection(queue);
    }

    @Bean
    BlobSweeper blobSweeper(JdbcBlobDeletionQueue queue, BlobStore blobs) {
        return new BlobSweeper(queue, blobs);
    }
}
