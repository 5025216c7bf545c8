package io.darkroom.api.optimizer;

import io.darkroom.api.delivery.DeliveryCache;
import io.darkroom.api.metrics.DarkroomMetrics;
import io.darkroom.api.web.ApiErrors;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.optimizer.delivery.OptimizerDelivery;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.setup.OptimizerDomain;
import io.darkroom.application.optimizer.setup.OptimizerDomains;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.InvalidValueException;
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

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Media Optimizer deliveries: {@code GET /mo/<domain>/<path>?<query>} (or the same path on the domain itself, see
 * {@link OptimizerHostRouting}). Answers carry the same caching headers as Admin deliveries (a long public lifetime, an
 * ETag, 304 on {@code If-None-Match}, {@code Vary: Accept} when {@code f_auto} chose the format) and go into the node's
 * delivery cache under the path and query. A mapping function that throws, runs too long, returns a Promise or a bad
 * shape is a 400 naming why in {@code X-Cld-Error}.
 */
@RestController
public class OptimizerDeliveryController {
    private static final CacheControl LONG = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    private final OptimizerDomains domains;
    private final CloudDirectory clouds;
    private final OptimizerDelivery delivery;
    private final DeliveryCache cache;
    private final DarkroomMetrics metrics;

    public OptimizerDeliveryController(OptimizerDomains domains, CloudDirectory clouds, OptimizerDelivery delivery, DeliveryCache cache,
                                       DarkroomMetrics metrics) {
        this.domains = domains;
        this.clouds = clouds;
        this.delivery = delivery;
        this.cache = cache;
        this.metrics = metrics;
    }

    @GetMapping("/mo/{domain}/{*path}")
    ResponseEntity<? extends Resource> deliver(@PathVariable String domain, @PathVariable String path,
                                               @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                               @RequestHeader(value = "Accept", required = false) String accept,
                                               HttpServletRequest request) {
        OptimizerDomain found = domains.byHost(domain).filter(d -> clouds.find(d.cloud()).isPresent())
                .filter(d -> domains.of(d.cloud()).contains(d))
                .orElseThrow(() -> DarkroomException.notFound("Unknown Media Optimizer domain " + domain));
        OptimizerDelivery.Delivered delivered = delivery.deliver(found, new MappingRequest(path.startsWith("/") ? path.substring(1) : path,
                query(request), headers(request), found.domain()), accept);
        String etag = "\"" + delivered.etag() + "\"";
        String[] vary = delivered.variesByAccept() ? new String[] {"Accept"} : new String[0];
        MediaType contentType = MediaTypeFactory.getMediaType("f." + delivered.format()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        cache.put(DeliveryCache.keyOf(request), accept, new DeliveryCache.Entry(delivered.cloud(), delivered.mediaId(), delivered.bytes(),
                etag, contentType.toString(), LONG.getHeaderValue(), delivered.variesByAccept()));
        if (etag.equals(ifNoneMatch)) {
            metrics.delivered(delivered.cloud(), 0, false);
            return ResponseEntity.status(304).eTag(etag).varyBy(vary).cacheControl(LONG).build();
        }
        metrics.delivered(delivered.cloud(), delivered.bytes().length, false);
        return ResponseEntity.ok().varyBy(vary).contentType(contentType).eTag(etag).cacheControl(LONG)
                .body(new ByteArrayResource(delivered.bytes()));
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, values.length == 0 ? "" : values[0]));
        return query;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("authorization") && !lower.equals("cookie")) {
                headers.put(lower, request.getHeader(name));
            }
        }
        return headers;
    }

    @ExceptionHandler(MappingFailure.class)
    ResponseEntity<Map<String, Object>> mappingFailed(MappingFailure e) {
        return ApiErrors.deliveryFailure(400, "Mapping function failed: " + e.getMessage());
    }

    @ExceptionHandler(DarkroomException.class)
    ResponseEntity<Map<String, Object>> failed(DarkroomException e) {
        return ApiErrors.deliveryFailure(ApiErrors.statusOf(e.kind()), e.getMessage());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidValueException e) {
        return ApiErrors.deliveryFailure(400, e.getMessage());
    }
}
