package io.darkroom.api.blob;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.blob.BlobCleanupProjection;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.BlobSweeper;
import io.darkroom.infrastructure.blob.FileSystemBlobStore;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;

/** The blob store under the data directory, and the queue and sweeper that remove the bytes of deleted things. */
@Configuration(proxyBeanMethods = false)
public class BlobConfiguration {
    @Bean
    BlobStore blobStore(DarkroomProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.dataDir().toAbsolutePath().resolve("blobs"));
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
