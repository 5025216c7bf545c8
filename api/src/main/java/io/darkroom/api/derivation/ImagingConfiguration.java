package io.darkroom.api.derivation;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.infrastructure.derivation.imaging.VipsImageDeriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The imaging engine (libvips through JNA). A machine without libvips still runs Darkroom: the start
 * logs how to install it, {@code /actuator/health} shows the {@code imaging} component as UNKNOWN
 * (which leaves the overall status UP), and derivations answer 503.
 */
@Configuration(proxyBeanMethods = false)
public class ImagingConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ImagingConfiguration.class);

    @Bean
    VipsImageDeriver imageDeriver(DarkroomProperties properties) {
        VipsImageDeriver deriver = VipsImageDeriver.load(properties.derivation().timeBound(), properties.derivation().library());
        deriver.unavailableReason().ifPresent(reason -> LOG.warn("Image derivations are unavailable: {}", reason));
        return deriver;
    }

    @Bean
    HealthIndicator imagingHealthIndicator(VipsImageDeriver deriver) {
        return () -> deriver.unavailableReason()
                .map(reason -> Health.status(Status.UNKNOWN).withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().withDetail("engine", "libvips").build());
    }
}
