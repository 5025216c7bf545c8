package io.darkroom.api.resource.upload;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.resource.upload.IncomingConversion;
import io.darkroom.application.resource.upload.MediaInspector;
import io.darkroom.application.resource.upload.RemoteFileFetcher;
import io.darkroom.application.resource.upload.ResourceUploader;
import io.darkroom.application.resource.upload.chunked.ChunkedUploads;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.fetch.SafeUrlFetcher;
import io.darkroom.infrastructure.preset.JdbcUnsignedUploadLimiter;
import io.darkroom.infrastructure.resource.JdbcPublicIdClaims;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.resource.upload.JdbcPartialUploadStore;
import io.darkroom.infrastructure.resource.upload.MediaFileInspector;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/** Uploads: measuring files, fetching remote ones under the address rules, storing and claiming, chunked parts. */
@Configuration(proxyBeanMethods = false)
public class UploadConfiguration {
    @Bean
    MediaInspector mediaInspector(DarkroomProperties properties) {
        return new MediaFileInspector(properties.upload().maxPixels());
    }

    @Bean
    RemoteFileFetcher remoteFileFetcher(DarkroomProperties properties) {
        return new SafeUrlFetcher(properties.upload().allowPrivateAddresses(), properties.upload().fetchTimeout());
    }

    @Bean
    ResourceUploader resourceUploader(MediaInspector inspector, BlobStore blobs, JdbcPublicIdClaims claims,
                                      JdbcResourceCatalog catalog, Commands commands,
                                      TransactionManager transactions, Clock clock, JdbcBlobDeletionQueue deletions,
                                      DarkroomProperties properties, IdGenerator ids, IncomingConversion incoming,
                                      io.darkroom.application.cloud.FolderModes folderModes) {
        return new ResourceUploader(inspector, blobs, claims, catalog, commands, transactions, clock, deletions,
                properties.upload().orphanGrace(), ids, incoming, folderModes);
    }

    /** CORS for the Upload API: after the trusted proxies, before the Admin API's guard. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<UploadCors> uploadCors(DarkroomProperties properties) {
        java.util.Map<String, java.util.Set<String>> origins = new java.util.HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            origins.put(entry.cloudName(), UploadCors.origins(entry.allowedOrigins()));
        }
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new UploadCors(origins));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    @Bean
    NotificationUrls notificationUrls(io.darkroom.application.notification.DefaultNotificationUrls defaults) {
        return new NotificationUrls(defaults);
    }

    @Bean
    DeleteTokens deleteTokens(Clock clock) {
        return new DeleteTokens(clock);
    }

    @Bean
    UnsignedUploads unsignedUploads(JdbcTemplate jdbc, Clock clock, DarkroomProperties properties) {
        return new UnsignedUploads(new JdbcUnsignedUploadLimiter(jdbc), clock, properties.upload().unsignedPerPreset(),
                properties.upload().unsignedPerAddress());
    }

    @Bean
    ChunkedUploads chunkedUploads(JdbcTemplate jdbc, TransactionTemplate transactionTemplate, BlobStore blobs,
                                  JdbcBlobDeletionQueue deletions, TransactionManager transactions,
                                  DarkroomProperties properties, IdGenerator ids) throws IOException {
        DarkroomProperties.Upload upload = properties.upload();
        return new ChunkedUploads(new JdbcPartialUploadStore(jdbc, transactionTemplate), blobs, deletions, transactions,
                Files.createDirectories(properties.stagingDir()), upload.maxFileSize().toBytes(),
                Math.min(upload.maxRequestSize().toBytes(), upload.maxFileSize().toBytes()), upload.chunkGrace(), ids);
    }
}
