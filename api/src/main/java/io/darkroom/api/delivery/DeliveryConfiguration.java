package io.darkroom.api.delivery;

import io.darkroom.api.config.CloudinaryUrl;
import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.infrastructure.delivery.JdbcDeliveryChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.time.Duration;

/**
 * The per-node delivery cache ({@code darkroom.delivery-cache.max-size}, default 128MB;
 * {@code lifetime}, default 10m) served by a filter ahead of every other, and what keeps it right.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {
    @Bean
    DeliveryCache deliveryCache(@Value("${darkroom.delivery-cache.max-size:128MB}") DataSize maxSize,
                                @Value("${darkroom.delivery-cache.lifetime:10m}") Duration lifetime) {
        return new DeliveryCache(maxSize.toBytes(), lifetime);
    }

    @Bean
    FilterRegistrationBean<DeliveryCacheFilter> deliveryCacheFilter(DeliveryCache cache, io.darkroom.api.metrics.DarkroomMetrics metrics) {
        FilterRegistrationBean<DeliveryCacheFilter> registration = new FilterRegistrationBean<>(new DeliveryCacheFilter(cache, metrics));
        // after the trusted-proxy filter (so usage sees forwarded clients) and the Media Optimizer's host routing, before the rest
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Spring's HTTP server observation ({@code http_server_requests_seconds}), as its auto-configuration makes it, but
     * ordered after the delivery cache: a cache hit is answered before it is observed (it is counted by
     * {@code darkroom_deliveries_total{cache="hit"}}), because observing each hit cost about a quarter of the cached
     * delivery's throughput. Everything else is observed as before.
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
            ObjectProvider<ServerRequestObservationConvention> convention,
            @Value("${management.observations.http.server.requests.name:http.server.requests}") String name) {
        FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(new ServerHttpObservationFilter(
                registry, convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** {@code DARKROOM_TRUSTED_PROXIES}: CIDR blocks whose forwarded headers are believed; none by default. */
    @Bean
    FilterRegistrationBean<io.darkroom.api.web.TrustedProxies> trustedProxies(
            @Value("${darkroom.trusted-proxies:}") String trusted) {
        FilterRegistrationBean<io.darkroom.api.web.TrustedProxies> registration = new FilterRegistrationBean<>(
                new io.darkroom.api.web.TrustedProxies(io.darkroom.api.web.Cidr.parseList(trusted)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Requests on a cloud's delivery host get the cloud in their path: after the trusted proxies, before the delivery cache. */
    @Bean
    FilterRegistrationBean<io.darkroom.api.delivery.DeliveryHostRouting> deliveryHostRouting(DarkroomProperties properties) {
        java.util.Map<String, String> clouds = new java.util.HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (entry.deliveryHost() != null && !entry.deliveryHost().isBlank()) {
                clouds.put(io.darkroom.api.delivery.DeliveryHostRouting.hostName(entry.deliveryHost()),
                        entry.cloudName());
            }
        }
        FilterRegistrationBean<io.darkroom.api.delivery.DeliveryHostRouting> registration = new FilterRegistrationBean<>(
                new io.darkroom.api.delivery.DeliveryHostRouting(clouds));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    DeliveryCacheEvents deliveryCacheEvents(DeliveryCache cache) {
        return new DeliveryCacheEvents(cache);
    }

    @Bean
    DeliveryCacheSync deliveryCacheSync(DeliveryCache cache, JdbcTemplate jdbc) {
        return new DeliveryCacheSync(cache, new JdbcDeliveryChanges(jdbc));
    }

    /** The clouds whose deliveries make new derivatives only for named (or allowed-for-strict) transformations or signed URLs. */
    @Bean
    StrictTransformations strictTransformations(DarkroomProperties properties) {
        java.util.Set<String> strict = new java.util.HashSet<>();
        if (properties.strictTransformations() && properties.cloudinaryUrl() != null && !properties.cloudinaryUrl().isBlank()) {
            strict.add(CloudinaryUrl.parse(properties.cloudinaryUrl(), 0).name());
        }
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (Boolean.TRUE.equals(entry.strictTransformations())) {
                strict.add(entry.cloudName());
            }
        }
        return new StrictTransformations(strict);
    }

    @Bean
    MeterBinder deliveryCacheMeters(DeliveryCache cache) {
        return registry -> Gauge.builder("darkroom.delivery.cache.entries", cache::size)
                .description("answers in this node's delivery cache").register(registry);
    }
}
