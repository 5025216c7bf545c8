package io.darkroom.api.resource.upload;

import io.darkroom.api.config.DarkroomProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Multipart requests are spooled by the container into the data directory's staging folder, so an
 * uploaded file (or chunk) is moved, not copied, into staging and from there into the blob store
 * (the container's default temporary folder may lie on another file system). Files above 1 MB go
 * to disk, never into the heap.
 */
@Configuration(proxyBeanMethods = false)
public class MultipartConfiguration {
    private static final int IN_MEMORY_THRESHOLD = 1024 * 1024;
    /** The other form fields of a request, beyond its file. */
    private static final long FIELDS_ALLOWANCE = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(DarkroomProperties properties) throws IOException {
        Path staging = Files.createDirectories(properties.stagingDir());
        long maxFile = Math.min(properties.upload().maxRequestSize().toBytes(), properties.upload().maxFileSize().toBytes());
        return new MultipartConfigElement(staging.toString(), maxFile, maxFile + FIELDS_ALLOWANCE, IN_MEMORY_THRESHOLD);
    }
}
