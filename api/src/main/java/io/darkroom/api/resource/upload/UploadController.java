package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.resource.upload.ResourceUploader;
import io.darkroom.application.resource.upload.StagedFile;
import io.darkroom.application.resource.upload.UploadOutcome;
import io.darkroom.application.resource.upload.chunked.ByteRange;
import io.darkroom.application.resource.upload.chunked.ChunkProgress;
import io.darkroom.application.resource.upload.chunked.ChunkedUploads;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /v1_1/:cloud/:resource_type/upload}, signed or unsigned with an upload preset. Honoured parameters: file,
 * upload_preset, public_id, folder, use_filename, unique_filename, overwrite, type, tags, context, moderation (manual),
 * phash, colors, image_metadata (and exif, faces, pages), face and custom coordinates, eager and eager_async,
 * transformation, format and allowed_formats (applied before the file is stored), return_delete_token. With
 * {@code Content-Range} and {@code X-Unique-Upload-Id} a request is one part of a chunked upload. Other parameters of the
 * Upload API are accepted and signed but not acted on.
 */
@RestController
public class UploadController {
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final UploadAuthenticator authenticator;
    private final UploadStaging staging;
    private final ResourceUploader uploader;
    private final ChunkedUploads chunkedUploads;
    private final UploadAnswer answer;
    private final EagerParameter eager;
    private final io.darkroom.api.metrics.DarkroomMetrics metrics;
    private final DeleteTokens deleteTokens;
    private final NotificationUrls notificationUrls;

    public UploadController(UploadAuthenticator authenticator, UploadStaging staging, ResourceUploader uploader,
                            ChunkedUploads chunkedUploads, UploadAnswer answer, EagerParameter eager,
                            io.darkroom.api.metrics.DarkroomMetrics metrics, DeleteTokens deleteTokens,
                            NotificationUrls notificationUrls) {
        this.notificationUrls = notificationUrls;
        this.metrics = metrics;
        this.deleteTokens = deleteTokens;
        this.eager = eager;
        this.chunkedUploads = chunkedUploads;
        this.answer = answer;
        this.authenticator = authenticator;
        this.staging = staging;
        this.uploader = uploader;
    }

    @PostMapping("/v1_1/{cloud}/{resourceType:image|video|raw|auto}/upload")
    Map<String, Object> upload(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request)
            throws IOException {
        String contentRange = request.getHeader("Content-Range");
        if (contentRange != null) {
            ByteRange range = ByteRange.parse(contentRange);
            String uploadId = request.getHeader("X-Unique-Upload-Id");
            if (uploadId != null || range.first() != 0 || !range.isFinal()) {
                return chunk(cloud, resourceType, request, range, uploadId);
            }
        }
        ApiParameters params = ApiParameters.of(request);
        Checked checked = check(cloud, resourceType, params);
        StagedFile file = staging.stage(request, params.get("file"));
        try {
            UploadOutcome outcome = uploader.upload(UploadParameters.describe(checked.account().name(), resourceType,
                    checked.params(), file));
            return render(outcome, checked);
        } finally {
            Files.deleteIfExists(file.path());
        }
    }

    /**
     * One part of a chunked upload. A multipart part is read as it arrives: the fields, the
     * signature check, the range's reservation, and then the file part's bytes go straight to their
     * offset in the upload's file (see {@link StreamingMultipart}). Intermediate parts answer
     * {@code done: false}; the part that completes the file answers the upload of the whole file.
     */
    private Map<String, Object> chunk(String cloud, String resourceType, HttpServletRequest request, ByteRange range,
                                      String uploadId) throws IOException {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            throw DarkroomException.badRequest(uploadId == null ? "Missing X-Unique-Upload-Id header for a chunked upload"
                    : "Invalid X-Unique-Upload-Id header (1 to 128 letters, digits, '-', '_' or '.')");
        }
        chunkedUploads.checkRange(range);
        ApiParameters params;
        ChunkProgress progress;
        if (StreamingMultipart.isMultipart(request)) {
            try (StreamingMultipart body = StreamingMultipart.read(request, staging.directory())) {
                params = ApiParameters.ofFields(request, body.fields());
                Checked checked = check(cloud, resourceType, params);
                if (body.file() == null) {
                    throw DarkroomException.badRequest("Missing required parameter - file");
                }
                progress = chunkedUploads.receive(checked.account().name(), uploadId, range, body.file(), body.filename());
                return finishChunk(checked, resourceType, uploadId, progress);
            }
        }
        params = ApiParameters.of(request);
        Checked checked = check(cloud, resourceType, params);
        StagedFile part = staging.stage(request, params.get("file"));
        try (java.io.InputStream in = Files.newInputStream(part.path())) {
            progress = chunkedUploads.receive(checked.account().name(), uploadId, range, in, part.originalFilename());
        } finally {
            Files.deleteIfExists(part.path());
        }
        return finishChunk(checked, resourceType, uploadId, progress);
    }

    private Map<String, Object> finishChunk(Checked checked, String resourceType, String uploadId, ChunkProgress progress) throws IOException {
        if (!progress.complete()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("done", false);
            body.put("upload_id", uploadId);
            body.put("bytes", progress.receivedBytes());
            body.put("total_bytes", progress.totalBytes() < 0 ? null : progress.totalBytes());
            return body;
        }
        try {
            return render(uploader.upload(UploadParameters.describe(checked.account().name(), resourceType, checked.params(),
                    progress.assembled())), checked);
        } finally {
            Files.deleteIfExists(progress.assembled().path());
            chunkedUploads.finish(uploadId);
        }
    }

    /** An authenticated request whose parameters are valid, with its checked eager transformations. */
    private record Checked(Cloud account, ApiParameters params, EagerParameter.Eager eager) {
    }

    /**
     * Authorizes the upload (its preset's settings put under its parameters) and validates every parameter (eager
     * included) before the (possibly large) file is read.
     */
    private Checked check(String cloud, String resourceType, ApiParameters call) {
        UploadAuthenticator.AuthorizedUpload authorized = authenticator.authorizeUpload(cloud, call);
        ApiParameters params = authorized.params();
        UploadParameters.describe(authorized.cloud().name(), resourceType, params, null);
        String notificationUrl = notificationUrls.apply(authorized.cloud().name(), params);
        return new Checked(authorized.cloud(), params, eager.check(params, notificationUrl));
    }

    private Map<String, Object> render(UploadOutcome outcome, Checked checked) {
        ApiParameters params = checked.params();
        if (!outcome.existing()) {
            metrics.uploaded(outcome.resource().cloud(), outcome.resource().bytes());
        }
        Map<String, Object> body = answer.render(outcome.resource(), outcome.analysis(), outcome.existing(), params,
                checked.account());
        if (params.bool("return_delete_token", false)) {
            body.put("delete_token", deleteTokens.issue(checked.account(), outcome.resource().assetId()));
        }
        eager.derive(outcome.resource(), checked.eager(), body);
        return body;
    }
}
