package io.darkroom.api.derivation;

import io.darkroom.application.derivation.EagerAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Derives queued {@code eager_async} work (every node may run it; claims never overlap). */
@Configuration(proxyBeanMethods = false)
public class EagerAsyncSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(EagerAsyncSchedule.class);

    private final EagerAsync eagerAsync;

    public EagerAsyncSchedule(EagerAsync eagerAsync) {
        this.eagerAsync = eagerAsync;
    }

    @Scheduled(fixedDelayString = "${darkroom.eager-async-interval:1s}", initialDelayString = "${darkroom.eager-async-interval:1s}")
    void drain() {
        try {
            int derived = eagerAsync.drain();
            if (derived > 0) {
                LOG.debug("Derived {} eager_async transformations", derived);
            }
        } catch (RuntimeException e) {
            LOG.warn("eager_async derivations paused; trying again on the next run: {}", e.getMessage());
        }
    }
}
