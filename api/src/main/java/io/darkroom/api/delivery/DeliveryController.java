package io.darkroom.api.delivery;

import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.upload.BlobStore;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.PublicId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /<cloud>/<resource_type>/upload/[v<version>/]<public_id>[.<format>]}: the stored
 * original, with its content type, ETag and a long cache lifetime (a version pins the bytes).
 * Private and authenticated originals need signed URLs, which come with delivery
 * transformations; until then they are not served.
 */
@RestController
public class DeliveryController {
    private static final Pattern VERSIONED = Pattern.compile("^/?v(\\d+)/(.+)$");

    private final ResourceQueries queries;
    private final BlobStore blobs;

    public DeliveryController(ResourceQueries queries, BlobStore blobs) {
        this.queries = queries;
        this.blobs = blobs;
    }

    @GetMapping("/{cloud}/{resourceType:image|video|raw}/{type:upload|private|authenticated}/{*path}")
    ResponseEntity<InputStreamResource> deliver(@PathVariable String cloud, @PathVariable String resourceType,
                                                @PathVariable String type, @PathVariable String path,
                                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch)
            throws IOException {
        if (!type.equals("upload")) {
            throw DarkroomException.notFound("Resource not found - " + path);
        }
        String file = path.startsWith("/") ? path.substring(1) : path;
        Matcher versioned = VERSIONED.matcher(file);
        if (versioned.matches()) {
            file = versioned.group(2);
        }
        ResourceView resource = find(cloud, resourceType, file);
        String etag = "\"" + resource.etag() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        InputStream bytes = blobs.open(BlobStore.keyOf(cloud, resource.versionId()))
                .orElseThrow(() -> DarkroomException.notFound("Resource not found - " + resource.publicId()));
        MediaType contentType = MediaTypeFactory.getMediaType(resourceType.equals("raw") ? resource.publicId()
                : "f." + resource.format()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(contentType)
                .contentLength(resource.bytes())
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .body(new InputStreamResource(bytes));
    }

    /** Raw ids carry their extension; image and video ids are named without the format's. */
    private ResourceView find(String cloud, String resourceType, String file) {
        if (resourceType.equals("raw")) {
            return queries.details(cloud, resourceType, "upload", PublicId.of(file).value());
        }
        int dot = file.lastIndexOf('.');
        int slash = file.lastIndexOf('/');
        String publicId = dot > slash + 1 ? file.substring(0, dot) : file;
        ResourceView resource = queries.details(cloud, resourceType, "upload", PublicId.of(publicId).value());
        if (dot > slash + 1 && !file.substring(dot + 1).equalsIgnoreCase(resource.format())) {
            throw DarkroomException.notFound("Format conversion is not available yet: " + file);
        }
        return resource;
    }
}
