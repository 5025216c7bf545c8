package io.darkroom.api.derivation;

import io.darkroom.application.derivation.Coordinates;
import io.darkroom.application.derivation.DerivationPlan;
import io.darkroom.application.derivation.DerivedImage;
import io.darkroom.application.derivation.ImageDeriver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Optional;

/** The imaging engine, timed: {@code darkroom_derivations_seconds} by outcome, with a histogram for percentiles. */
public class TimedImageDeriver implements ImageDeriver {
    private final ImageDeriver engine;
    private final MeterRegistry registry;

    public TimedImageDeriver(ImageDeriver engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    @Override
    public Optional<String> unavailableReason() {
        return engine.unavailableReason();
    }

    @Override
    public DerivedImage derive(byte[] original, DerivationPlan plan, String outputFormat, Coordinates coordinates) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            DerivedImage image = engine.derive(original, plan, outputFormat, coordinates);
            outcome = "made";
            return image;
        } finally {
            sample.stop(Timer.builder("darkroom.derivations").description("derivations computed by the imaging engine")
                    .tag("outcome", outcome).publishPercentileHistogram().register(registry));
        }
    }
}
