package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Removes console sessions past their idle or absolute timeout (any node; a lookup already refuses them). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ConsoleSessionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessionSweep.class);

    private final ConsoleSignIn signIn;

    public ConsoleSessionSweep(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Scheduled(fixedDelayString = "10m", initialDelayString = "1m")
    void sweep() {
        try {
            signIn.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Sweeping console sessions failed; trying again in 10 minutes: {}", e.getMessage());
        }
    }
}
