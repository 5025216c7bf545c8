package io.darkroom.api.delivery;

import io.darkroom.api.metrics.DarkroomMetrics;
import io.darkroom.api.web.ApiErrors;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.DeliverySignature;
import io.darkroom.application.derivation.DeliveredFile;
import io.darkroom.application.derivation.Derivations;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.InvalidValueException;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.transformation.Transformation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /<cloud>/<resource_type>/<type>/[s--<signature>--/][<transformation>/][v<version>/]<public_id>[.<format>]}:
 * the stored original, or an image derived from it (made on the first request, stored, then served
 * as stored). Leading path segments that read as transformation parameters are the transformation.
 * Answers carry a content type, an ETag (304 for {@code If-None-Match}) and a long cache lifetime;
 * originals ({@link OriginalDelivery}) and derived images also answer {@code Range}. Errors carry {@code X-Cld-Error} as Cloudinary's do.
 * Query parameters (the SDKs' {@code _a=} analytics) are ignored. {@code private} and
 * {@code authenticated} assets are served only with the signature the SDKs' signed URLs carry, checked
 * over the path as sent; a signed URL also passes the cloud's strict transformations.
 */
@RestController
public class DeliveryController {
    private static final Pattern VERSION = Pattern.compile("v\\d+");
    private static final Pattern SIGNATURE = Pattern.compile("s--([A-Za-z0-9_-]{8}|[A-Za-z0-9_-]{32})--");
    private static final CacheControl LONG = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
    /** Signed deliveries of private and authenticated assets: browsers may keep them, shared caches may not. */
    private static final CacheControl LONG_PRIVATE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate();

    private final ResourceQueries queries;
    private final OriginalDelivery originals;
    private final Derivations derivations;
    private final CloudDirectory clouds;
    private final StrictTransformations strict;
    private final DeliveryCache cache;
    private final DarkroomMetrics metrics;

    public DeliveryController(ResourceQueries queries, BlobStore blobs, Derivations derivations, CloudDirectory clouds,
                              StrictTransformations strict, DeliveryCache cache, DarkroomMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
        this.queries = queries;
        this.originals = new OriginalDelivery(blobs, cache, metrics);
        this.derivations = derivations;
        this.clouds = clouds;
        this.strict = strict;
    }

    @GetMapping("/{cloud}/{resourceType:image|video|raw}/{type:upload|private|authenticated}/{*path}")
    ResponseEntity<? extends Resource> deliver(@PathVariable String cloud, @PathVariable String resourceType,
                                               @PathVariable String type, @PathVariable String path,
                                               @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                               @RequestHeader(value = "Accept", required = false) String accept,
                                               HttpServletRequest request)
            throws IOException {
        List<String> segments = new ArrayList<>(Arrays.asList((path.startsWith("/") ? path.substring(1) : path).split("/")));
        List<String> raw = rawSegments(request.getRequestURI(), cloud, resourceType, type);
        String signature = null;
        Matcher signed = SIGNATURE.matcher(segments.get(0));
        if (segments.size() > 1 && signed.matches()) {
            signature = signed.group(1);
            segments.remove(0);
            raw.remove(0);
        }
        List<String> transformation = new ArrayList<>();
        while (segments.size() > 1 && !VERSION.matcher(segments.get(0)).matches()
                && Transformation.looksLikeParameters(segments.get(0))) {
            transformation.add(segments.remove(0));
        }
        if (segments.size() > 1 && VERSION.matcher(segments.get(0)).matches()) {
            segments.remove(0);
        }
        boolean validlySigned = signature != null && signatureMatches(cloud, signature, raw, transformation.size(), segments.size());
        if (signature != null && !validlySigned) {
            throw new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, "Invalid signature");
        }
        if (!type.equals("upload") && !validlySigned) {
            throw new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, "Resources of type " + type + " need a signed URL");
        }
        CacheControl cacheControl = type.equals("upload") ? LONG : LONG_PRIVATE;
        String file = String.join("/", segments);
        Addressed addressed = find(cloud, resourceType, type, file);
        ResourceView resource = addressed.resource();
        String requestedFormat = addressed.format();
        boolean converts = requestedFormat != null && !requestedFormat.equalsIgnoreCase(resource.format());
        if (transformation.isEmpty() && !converts) {
            return originals.deliver(resource, resourceType, new OriginalDelivery.Conditions(ifNoneMatch, request.getHeader("Range"),
                    request.getHeader("If-Range"), accept), cacheControl, request.getRequestURI());
        }
        Transformation parsed = transformation.isEmpty() ? new Transformation(List.of())
                : Transformation.parse(String.join("/", transformation));
        DeliveredFile derived = derivations.deliver(resource, parsed, requestedFormat == null ? null : requestedFormat.toLowerCase(),
                accept, strict.on(cloud) && !validlySigned);
        String etag = "\"" + derived.etag() + "\"";
        String[] vary = derived.variesByAccept() ? new String[] {"Accept"} : new String[0];
        MediaType contentType = MediaTypeFactory.getMediaType("f." + derived.format()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        cache.put(request.getRequestURI(), accept, new DeliveryCache.Entry(cloud, resource.assetId(), derived.bytes(), etag,
                contentType.toString(), cacheControl.getHeaderValue(), derived.variesByAccept()));
        if (etag.equals(ifNoneMatch)) {
            metrics.delivered(cloud, 0, false);
            return ResponseEntity.status(304).eTag(etag).varyBy(vary).cacheControl(cacheControl).build();
        }
        metrics.delivered(cloud, derived.bytes().length, false);
        return ResponseEntity.ok()
                .varyBy(vary)
                .contentType(contentType)
                .eTag(etag)
                .cacheControl(cacheControl)
                .body(new ByteArrayResource(derived.bytes()));
    }

    /** A resource and the format its URL asks for (null: none given). */
    private record Addressed(ResourceView resource, String format) {
    }

    /** Raw ids carry their extension; image and video ids are named without the format's. */
    private Addressed find(String cloud, String resourceType, String type, String file) {
        if (resourceType.equals("raw")) {
            return new Addressed(queries.details(new ResourceKey(cloud, resourceType, type), PublicId.of(file).value()), null);
        }
        int dot = file.lastIndexOf('.');
        int slash = file.lastIndexOf('/');
        String publicId = dot > slash + 1 ? file.substring(0, dot) : file;
        ResourceView resource = queries.details(new ResourceKey(cloud, resourceType, type), PublicId.of(publicId).value());
        return new Addressed(resource, dot > slash + 1 ? file.substring(dot + 1) : null);
    }

    /** The path after {@code /<cloud>/<resource_type>/<type>/} as sent (still percent-encoded, as the SDKs sign it), by segment. */
    private static List<String> rawSegments(String uri, String cloud, String resourceType, String type) {
        String marker = "/" + resourceType + "/" + type + "/";
        int at = uri.indexOf(marker, uri.indexOf(cloud));
        return new ArrayList<>(Arrays.asList(uri.substring(at + marker.length()).split("/", -1)));
    }

    /**
     * The SDKs sign {@code <transformation>/<source>}: the transformation segments and the source
     * without its version, as they appear in the URL.
     */
    private boolean signatureMatches(String cloud, String signature, List<String> raw, int transformationSegments,
                                     int sourceSegments) {
        if (raw.size() < transformationSegments + sourceSegments) {
            return false;
        }
        String transformation = String.join("/", raw.subList(0, transformationSegments));
        String source = String.join("/", raw.subList(raw.size() - sourceSegments, raw.size()));
        return clouds.find(cloud).map(found -> DeliverySignature.verify(signature,
                DeliverySignature.signedPart(transformation, source), found.apiSecret())).orElse(false);
    }

    /** Delivery errors name their reason in {@code X-Cld-Error}, as Cloudinary's do, besides the JSON body. */
    @ExceptionHandler(DarkroomException.class)
    ResponseEntity<Map<String, Object>> failed(DarkroomException e) {
        return ApiErrors.deliveryFailure(ApiErrors.statusOf(e.kind()), e.getMessage());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidValueException e) {
        return ApiErrors.deliveryFailure(400, e.getMessage());
    }
}
