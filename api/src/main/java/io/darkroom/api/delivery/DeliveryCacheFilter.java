package io.darkroom.api.delivery;

import io.darkroom.api.metrics.DarkroomMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers a delivery from {@link DeliveryCache} before Spring MVC is involved: the hot path of a CDN
 * origin. A miss, a {@code Range} request or any other method goes on to {@link DeliveryController},
 * which fills the cache. {@code If-None-Match} on a hit is a 304.
 */
public class DeliveryCacheFilter extends OncePerRequestFilter {
    private final DeliveryCache cache;
    private final DarkroomMetrics metrics;

    public DeliveryCacheFilter(DeliveryCache cache, DarkroomMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader("Range") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DeliveryCache.Entry hit = cache.get(DeliveryCache.keyOf(request), request.getHeader("Accept"));
        if (hit == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Darkroom-Cache", "hit");
        response.setHeader("ETag", hit.etag());
        response.setHeader("Cache-Control", hit.cacheControl());
        if (hit.variesByAccept()) {
            response.setHeader("Vary", "Accept");
        }
        if (hit.etag().equals(request.getHeader("If-None-Match"))) {
            metrics.delivered(hit.cloud(), 0, true);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        metrics.delivered(hit.cloud(), hit.bytes().length, true);
        response.setContentType(hit.contentType());
        response.setContentLength(hit.bytes().length);
        response.setHeader("Accept-Ranges", "bytes");
        response.getOutputStream().write(hit.bytes());
    }
}
