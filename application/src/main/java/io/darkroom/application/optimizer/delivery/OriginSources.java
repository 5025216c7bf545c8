package io.darkroom.application.optimizer.delivery;

import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.optimizer.setup.MediaSourceView;
import io.darkroom.application.optimizer.setup.SecretSealer;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.optimizer.UriType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches an original for a Media Optimizer delivery from a profile's media sources, in order: the first that has
 * the forward key answers. {@code http}: the key is an absolute http(s) URL. {@code web}: the key through
 * {@code web_uri_template} ({@code {{fwd_key}}}) under {@code web_uri_base}, with {@code web_headers}. {@code cloudinary}:
 * a public (upload) image of Darkroom's cloud {@code cld_cloud_name}, the key its public id (an extension is dropped).
 * {@code s3}: the object {@code s3_bucket_folder/key} of {@code s3_bucket_name} with the stored keys. {@code gs}: not yet.
 */
public class OriginSources {
    private final HttpOrigin http;
    private final ObjectStoreOrigin objects;
    private final SecretSealer sealer;
    private final ResourceQueries resources;
    private final BlobStore blobs;
    private final long maxBytes;

    /** What an origin answered, and which source it came from. */
    public record Origin(byte[] bytes, String sourceId) {
    }

    public OriginSources(HttpOrigin http, ObjectStoreOrigin objects, SecretSealer sealer, ResourceQueries resources, BlobStore blobs,
                         long maxBytes) {
        this.http = http;
        this.objects = objects;
        this.sealer = sealer;
        this.resources = resources;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    public Origin fetch(List<MediaSourceView> sources, String fwdKey) {
        for (MediaSourceView source : sources) {
            Optional<byte[]> found = fetch(source, fwdKey);
            if (found.isPresent()) {
                return new Origin(found.get(), source.id());
            }
        }
        throw DarkroomException.notFound("Media " + fwdKey + " not found in the profile's media sources");
    }

    private Optional<byte[]> fetch(MediaSourceView source, String fwdKey) {
        Map<String, Object> config = source.config();
        switch (UriType.of(source.uriType())) {
            case HTTP:
                return fwdKey.matches("(?i)https?://.+") ? http.get(URI.create(fwdKey), Map.of(), maxBytes) : Optional.empty();
            case WEB:
                return http.get(webUrl(config, fwdKey), headers(config), maxBytes);
            case CLOUDINARY:
                return ownResource((String) config.get("cld_cloud_name"), fwdKey);
            case S3:
                String folder = (String) config.getOrDefault("s3_bucket_folder", "");
                String template = (String) config.getOrDefault("s3_uri_template", "{{fwd_key}}");
                String key = (folder == null || folder.isBlank() ? "" : folder.replaceAll("/+$", "") + "/")
                        + expand(template, fwdKey).replaceAll("^/+", "");
                return objects.get((String) config.get("s3_bucket_name"), key, sealer.open((String) config.get("s3_access_key")),
                        sealer.open((String) config.get("s3_secret_key")), maxBytes);
            case GS:
            default:
                throw new DarkroomException(DarkroomException.Kind.NOT_IMPLEMENTED,
                        "Google Cloud Storage media sources (gs) are not served yet; media source " + source.id() + " is one");
        }
    }

    static URI webUrl(Map<String, Object> config, String fwdKey) {
        String base = ((String) config.get("web_uri_base")).replaceAll("/+$", "");
        String path = expand((String) config.getOrDefault("web_uri_template", "{{fwd_key}}"), fwdKey);
        if (path.matches("(?i)https?://.+")) {
            return URI.create(path);
        }
        try {
            return URI.create(base + "/" + path.replaceAll("^/+", ""));
        } catch (IllegalArgumentException e) {
            throw DarkroomException.badRequest("Media " + fwdKey + " makes no valid URL under " + base);
        }
    }

    private static String expand(String template, String fwdKey) {
        String t = template == null || template.isBlank() ? "{{fwd_key}}" : template;
        return t.replace("{{fwd_key}}", fwdKey).replace("{fwd_key}", fwdKey);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> config) {
        Object headers = config.get("web_headers");
        return headers instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private Optional<byte[]> ownResource(String cloud, String fwdKey) {
        int dot = fwdKey.lastIndexOf('.');
        String publicId = dot > fwdKey.lastIndexOf('/') + 1 ? fwdKey.substring(0, dot) : fwdKey;
        ResourceView resource;
        try {
            resource = resources.details(new ResourceKey(cloud, "image", "upload"), publicId);
        } catch (DarkroomException | IllegalArgumentException missing) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(BlobStore.keyOf(resource.cloud(), resource.versionId())).orElse(null)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + publicId + " of " + cloud, e);
        }
    }
}
