package io.darkroom.api.resource.upload;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.resource.upload.RemoteFileFetcher;
import io.darkroom.application.resource.upload.StagedFile;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the {@code file} of an upload to a temporary file under the data directory: a multipart
 * part, a {@code data:} URI, or an http(s) URL fetched through the guarded fetcher. Each path is
 * limited to the configured maximum file size.
 */
@Component
public class UploadStaging {
    private static final Pattern DATA_URI = Pattern.compile("^data:([\\w.+-]+/[\\w.+-]+)?(;[\\w-]+=[\\w-]+)*;base64,", Pattern.CASE_INSENSITIVE);

    private final Path stagingDir;
    private final long maxBytes;
    private final long maxRequestBytes;
    private final RemoteFileFetcher fetcher;

    public UploadStaging(DarkroomProperties properties, RemoteFileFetcher fetcher) throws IOException {
        this.stagingDir = Files.createDirectories(properties.stagingDir());
        this.maxBytes = properties.upload().maxFileSize().toBytes();
        this.maxRequestBytes = Math.min(maxBytes, properties.upload().maxRequestSize().toBytes());
        this.fetcher = fetcher;
        removeLeftovers(stagingDir, Instant.now().minus(Duration.ofHours(1)));
    }

    /**
     * Staged files live for one request; any older than an hour were left by a process that died
     * mid-upload (nodes sharing the directory may be staging younger ones right now).
     */
    static void removeLeftovers(Path stagingDir, Instant olderThan) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(stagingDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Where staged files live (under the data directory). */
    public Path directory() {
        return stagingDir;
    }

    /** The request's file, staged; a 0-byte file is a 400 {@code Empty file} and leaves nothing behind. */
    public StagedFile stage(HttpServletRequest request, String fileParameter) {
        StagedFile staged = stageAny(request, fileParameter);
        try {
            if (Files.size(staged.path()) == 0) {
                Files.deleteIfExists(staged.path());
                throw DarkroomException.badRequest("Empty file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return staged;
    }

    private StagedFile stageAny(HttpServletRequest request, String fileParameter) {
        try {
            MultipartFile part = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
            if (part != null) {
                return fromPart(part);
            }
            if (fileParameter == null || fileParameter.isBlank()) {
                throw DarkroomException.badRequest("Missing required parameter - file");
            }
            Matcher dataUri = DATA_URI.matcher(fileParameter);
            if (dataUri.find()) {
                return fromDataUri(fileParameter.substring(dataUri.end()), dataUri.group(1));
            }
            String lower = fileParameter.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return fromUrl(fileParameter.strip());
            }
            throw DarkroomException.badRequest("Invalid file parameter: expected a file, a base64 data URI or an http(s) URL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StagedFile fromPart(MultipartFile part) throws IOException {
        if (part.getSize() > maxRequestBytes) {
            throw tooLarge(part.getSize(), maxRequestBytes);
        }
        Path target = newStagingFile();
        // the container wrote a part above its threshold to a file already: transferTo moves it
        part.transferTo(target);
        return new StagedFile(target, part.getOriginalFilename());
    }

    private StagedFile fromDataUri(String base64, String mimeType) throws IOException {
        if ((long) base64.length() * 3 / 4 > maxRequestBytes) {
            throw tooLarge((long) base64.length() * 3 / 4, maxRequestBytes);
        }
        Path target = newStagingFile();
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(target);
            throw DarkroomException.badRequest("Invalid data URI: the base64 payload cannot be decoded");
        }
        String extension = mimeType == null || !mimeType.contains("/") ? "" : "." + mimeType.substring(mimeType.indexOf('/') + 1);
        return new StagedFile(target, "file" + extension);
    }

    private StagedFile fromUrl(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw DarkroomException.badRequest("Invalid URL: " + url);
        }
        Path target = newStagingFile();
        try {
            String name = fetcher.fetch(uri, target, maxBytes);
            return new StagedFile(target, name.isEmpty() ? null : name);
        } catch (RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private Path newStagingFile() throws IOException {
        return Files.createTempFile(stagingDir, "upload-", ".part");
    }

    private static DarkroomException tooLarge(long size, long limit) {
        return DarkroomException.badRequest("File size too large. Got " + size + ". Maximum is " + limit + ".");
    }

}
