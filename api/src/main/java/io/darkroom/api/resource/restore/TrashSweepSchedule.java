package io.darkroom.api.resource.restore;

import io.darkroom.application.resource.restore.TrashSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Purges trashed assets past their retention (every node may run it: a purge twice records nothing the second time). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrashSweepSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(TrashSweepSchedule.class);

    private final TrashSweeper sweeper;

    public TrashSweepSchedule(TrashSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${darkroom.trash-sweep-interval:1m}", initialDelayString = "${darkroom.trash-sweep-interval:1m}")
    void sweep() {
        try {
            int purged = sweeper.sweep();
            if (purged > 0) {
                LOG.info("Purged {} trashed assets past their retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Trash sweep failed; trying again on the next run: {}", e.getMessage());
        }
    }
}
