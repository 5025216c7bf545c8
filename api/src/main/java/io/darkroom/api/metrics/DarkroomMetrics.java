package io.darkroom.api.metrics;

import io.darkroom.application.usage.UsageMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters the operator's dashboard and alerts read ({@code darkroom_*} in Prometheus), per
 * cloud where it matters (clouds are configured, so the label stays small). Deliveries are counted
 * here once, for Prometheus and for usage.
 */
public class DarkroomMetrics {
    private final MeterRegistry registry;
    private final UsageMeter usage;
    private final java.util.Map<String, Counter[]> deliveryCounters = new java.util.concurrent.ConcurrentHashMap<>();

    public DarkroomMetrics(MeterRegistry registry, UsageMeter usage) {
        this.registry = registry;
        this.usage = usage;
    }

    public void uploaded(String cloud, long bytes) {
        Counter.builder("darkroom.uploads").description("uploads stored").tag("cloud", cloud).register(registry).increment();
        Counter.builder("darkroom.uploaded.bytes").description("bytes of uploads stored").baseUnit("bytes").tag("cloud", cloud)
                .register(registry).increment(bytes);
    }

    /** A delivery answered ({@code bytes} 0 for a 304), from the node's cache or not. */
    public void delivered(String cloud, long bytes, boolean cacheHit) {
        usage.delivered(cloud, bytes);
        Counter[] counters = deliveryCounters.computeIfAbsent(cloud + (cacheHit ? "|hit" : "|miss"), key -> new Counter[] {
                Counter.builder("darkroom.deliveries").description("deliveries answered").tag("cloud", cloud)
                        .tag("cache", cacheHit ? "hit" : "miss").register(registry),
                Counter.builder("darkroom.delivered.bytes").description("bytes delivered").baseUnit("bytes").tag("cloud", cloud)
                        .register(registry)});
        counters[0].increment();
        counters[1].increment(bytes);
    }

    /** A request refused by the Admin API's hourly limit ({@code rate_limit}) or a client's lock-out after failed logins. */
    public void refused(String reason) {
        Counter.builder("darkroom.refused.requests").description("requests refused by rate limits and lock-outs")
                .tag("reason", reason).register(registry).increment();
    }
}
