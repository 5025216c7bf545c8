package io.darkroom.api.delivery;

import io.darkroom.api.metrics.DarkroomMetrics;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A stored original as delivered: small ones read whole and kept in the delivery cache, larger ones streamed from the
 * blob store. One byte range ({@code Range: bytes=a-b}, also {@code a-} and {@code -n}) is a 206 read with a ranged read
 * of the blob, so a part of a large file never costs the whole; several ranges, or an {@code If-Range} that no longer
 * matches, get the whole file (as HTTP allows); a range past the end is a 416.
 */
class OriginalDelivery {
    private final BlobStore blobs;
    private final DeliveryCache cache;
    private final DarkroomMetrics metrics;

    OriginalDelivery(BlobStore blobs, DeliveryCache cache, DarkroomMetrics metrics) {
        this.blobs = blobs;
        this.cache = cache;
        this.metrics = metrics;
    }

    /** The request's headers that matter here. */
    record Conditions(String ifNoneMatch, String range, String ifRange, String accept) {
    }

    ResponseEntity<? extends Resource> deliver(ResourceView resource, String resourceType, Conditions conditions,
                                               CacheControl cacheControl, String path) throws IOException {
        String etag = "\"" + resource.etag() + "\"";
        if (etag.equals(conditions.ifNoneMatch())) {
            metrics.delivered(resource.cloud(), 0, false);
            return ResponseEntity.status(304).eTag(etag).build();
        }
        MediaType contentType = MediaTypeFactory.getMediaType(resourceType.equals("raw") ? resource.publicId()
                : "f." + resource.format()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        String key = BlobStore.keyOf(resource.cloud(), resource.versionId());
        HttpRange range = oneRange(conditions, etag);
        if (range != null) {
            long length = resource.bytes();
            long first;
            long last;
            try {
                first = range.getRangeStart(length);
                last = range.getRangeEnd(length);
                if (first >= length || last < first) {
                    throw new IllegalArgumentException("past the end");
                }
            } catch (IllegalArgumentException unsatisfiable) {
                return ResponseEntity.status(416).header("Content-Range", "bytes */" + length).eTag(etag).build();
            }
            InputStream part = blobs.open(key, first, last).orElseThrow(() -> missing(resource));
            metrics.delivered(resource.cloud(), last - first + 1, false);
            return ResponseEntity.status(206).contentType(contentType).eTag(etag).cacheControl(cacheControl)
                    .header("Accept-Ranges", "bytes").header("Content-Range", "bytes " + first + "-" + last + "/" + length)
                    .contentLength(last - first + 1).body(new InputStreamResource(part));
        }
        metrics.delivered(resource.cloud(), resource.bytes(), false);
        InputStream bytes = blobs.open(key).orElseThrow(() -> missing(resource));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(contentType).eTag(etag).cacheControl(cacheControl)
                .header("Accept-Ranges", "bytes");
        if (resource.bytes() > DeliveryCache.MAX_ENTRY_BYTES) {
            return answer.contentLength(resource.bytes()).body(new InputStreamResource(bytes));
        }
        byte[] whole;
        try (bytes) {
            whole = bytes.readAllBytes();
        }
        cache.put(path, conditions.accept(), new DeliveryCache.Entry(resource.cloud(), resource.assetId(), whole, etag,
                contentType.toString(), cacheControl.getHeaderValue(), false));
        return answer.body(new ByteArrayResource(whole));
    }

    /** The one range to answer, or null for the whole file. */
    private static HttpRange oneRange(Conditions conditions, String etag) {
        if (conditions.range() == null || conditions.ifRange() != null && !conditions.ifRange().equals(etag)) {
            return null;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(conditions.range());
            return ranges.size() == 1 ? ranges.get(0) : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static DarkroomException missing(ResourceView resource) {
        return DarkroomException.notFound("Resource not found - " + resource.publicId());
    }
}
