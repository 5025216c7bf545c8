package io.darkroom.api.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.application.notification.NotificationBodies;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloudinary's notification bodies: {@code upload} with the asset's fields as the upload answer has them, {@code rename}
 * with both names, {@code delete} with the deleted resources; each with {@code notification_type}, {@code timestamp} and
 * the {@code request_id} of the call that made the change.
 */
public class NotificationJson implements NotificationBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final ResourceJson resources;

    public NotificationJson(ResourceJson resources) {
        this.resources = resources;
    }

    @Override
    public byte[] uploaded(ResourceUploaded e, Instant at, String requestId) {
        ResourceView view = view(e.assetId(), e.cloud(), e.resourceType(), e.type(), e.publicId(), e.versionId(), e.version(),
                e.facts(), e.tags(), e.context(), e.uploadedAt(), e.assetFolder(), e.displayName());
        Map<String, Object> body = head("upload", at, requestId);
        body.putAll(resources.withVersion(view));
        body.put("asset_folder", e.assetFolder());
        return write(body);
    }

    @Override
    public byte[] versionUploaded(ResourceVersionUploaded e, String assetFolder, Instant at, String requestId) {
        ResourceView view = view(e.assetId(), e.cloud(), e.resourceType(), e.type(), e.publicId(), e.versionId(), e.version(),
                e.facts(), e.tags(), e.context(), e.uploadedAt(), assetFolder,
                e.publicId().substring(e.publicId().lastIndexOf('/') + 1));
        Map<String, Object> body = head("upload", at, requestId);
        body.putAll(resources.withVersion(view));
        body.put("overwritten", true);
        return write(body);
    }

    @Override
    public byte[] renamed(ResourceRenamed e, Instant at, String requestId) {
        Map<String, Object> body = head("rename", at, requestId);
        body.put("asset_id", e.assetId());
        body.put("resource_type", e.resourceType());
        body.put("type", e.type());
        body.put("from_public_id", e.fromPublicId());
        body.put("to_public_id", e.publicId());
        return write(body);
    }

    /** Cloudinary's {@code move}: the moved assets by asset id, each with both folders. */
    @Override
    public byte[] moved(io.darkroom.domain.resource.ResourceMoved e, Instant at, String requestId) {
        Map<String, Object> body = head("move", at, requestId);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("public_id", e.publicId());
        resource.put("resource_type", e.resourceType());
        resource.put("type", e.type());
        resource.put("from_asset_folder", e.fromAssetFolder());
        resource.put("to_asset_folder", e.assetFolder());
        body.put("resources", Map.of(e.assetId(), resource));
        return write(body);
    }

    @Override
    public byte[] displayNameChanged(io.darkroom.domain.resource.ResourceDisplayNameChanged e, Instant at, String requestId) {
        Map<String, Object> body = head("resource_display_name_changed", at, requestId);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("public_id", e.publicId());
        resource.put("resource_type", e.resourceType());
        resource.put("type", e.type());
        resource.put("new_display_name", e.displayName());
        body.put("resources", Map.of(e.assetId(), resource));
        return write(body);
    }

    @Override
    public byte[] deleted(ResourceDeleted e, Instant at, String requestId) {
        Map<String, Object> body = head("delete", at, requestId);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resource_type", e.resourceType());
        resource.put("type", e.type());
        resource.put("asset_id", e.assetId());
        resource.put("public_id", e.publicId());
        body.put("resources", List.of(resource));
        return write(body);
    }

    /** The {@code eager} notification of a finished eager_async batch: each transformation derived, or failed. */
    public byte[] eager(ResourceView resource, String batchId,
                        List<Map.Entry<io.darkroom.domain.transformation.Transformation,
                                java.util.Optional<io.darkroom.application.derivation.DerivedResource>>> results, Instant at) {
        Map<String, Object> body = head("eager", at, null);
        body.remove("request_id");
        body.put("batch_id", batchId);
        body.put("asset_id", resource.assetId());
        body.put("public_id", resource.publicId());
        body.put("resource_type", resource.resourceType());
        body.put("type", resource.type());
        body.put("version", resource.version());
        body.put("eager", results.stream().map(result -> result.getValue()
                .map(derived -> resources.eager(resource, derived))
                .orElseGet(() -> {
                    Map<String, Object> failed = new LinkedHashMap<>();
                    failed.put("transformation", result.getKey().canonical());
                    failed.put("status", "failed");
                    return failed;
                })).toList());
        return write(body);
    }

    private static Map<String, Object> head(String type, Instant at, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notification_type", type);
        body.put("timestamp", TIMESTAMP.format(at));
        body.put("request_id", requestId);
        return body;
    }

    private static ResourceView view(String assetId, String cloud, String resourceType, String type, String publicId,
                                     String versionId, long version, MediaFacts facts, List<String> tags,
                                     Map<String, String> context, Instant uploadedAt, String assetFolder, String displayName) {
        return new ResourceView(assetId, cloud, resourceType, type, publicId, facts.format(), version, versionId, facts.width(),
                facts.height(), facts.pages(), facts.bytes(), facts.etag(), uploadedAt, tags, context, null, null,
                facts.originalFilename(), assetFolder, displayName);
    }

    private static byte[] write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification body is always JSON", e);
        }
    }
}
