package io.darkroom.api.optimizer;

import io.darkroom.application.optimizer.mapping.MappingEngine;
import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Mapping functions, timed: {@code darkroom_mapping_seconds} by outcome (mapped, refused), a histogram for PromQL
 * percentiles. The time is the whole guarded call: waiting for a turn and a context, and the call itself (which alone is
 * {@code darkroom_mapping_execution_seconds}).
 */
public class TimedMappingEngine implements MappingEngine {
    private final MappingEngine engine;
    private final Timer mapped;
    private final Timer refused;

    public TimedMappingEngine(MappingEngine engine, MeterRegistry registry) {
        this.engine = engine;
        this.mapped = timer(registry, "mapped");
        this.refused = timer(registry, "refused");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("darkroom.mapping").description("mapping-function calls of Media Optimizer deliveries")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    @Override
    public void compile(String code) {
        engine.compile(code);
    }

    @Override
    public MappingResult map(String code, MappingRequest request, MappingEnvironment environment) {
        long start = System.nanoTime();
        try {
            MappingResult result = engine.map(code, request, environment);
            mapped.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return result;
        } catch (MappingFailure e) {
            refused.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw e;
        }
    }
}
