package io.darkroom.api.derivation;

import io.darkroom.application.derivation.DerivedMetadataCleanup;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.derivation.JdbcDerivedBeforeStrip;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes, once, the derived files made before derivations stripped metadata (see {@link DerivedMetadataCleanup}); every
 * node may run it, batches never overlap. Once a run found nothing left, the node stops looking.
 */
@Configuration(proxyBeanMethods = false)
public class DerivedMetadataCleanupSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(DerivedMetadataCleanupSchedule.class);

    private final DerivedMetadataCleanup cleanup;
    private volatile boolean finished;

    public DerivedMetadataCleanupSchedule(JdbcTemplate jdbc, DerivedResources derivedResources, Commands commands, TransactionManager transactions) {
        this.cleanup = new DerivedMetadataCleanup(new JdbcDerivedBeforeStrip(jdbc), derivedResources, commands, transactions);
    }

    @Scheduled(fixedDelayString = "${darkroom.derived-metadata-cleanup-interval:5s}", initialDelayString = "5s")
    void cleanUp() {
        if (finished) {
            return;
        }
        try {
            int total = runUntilDone();
            if (total > 0) {
                LOG.info("Deleted {} derived files made before metadata stripping; each is derived again, stripped, when requested", total);
            }
            finished = true;
        } catch (RuntimeException e) {
            LOG.warn("Deleting derived files made before metadata stripping paused; trying again shortly: {}", e.getMessage());
        }
    }

    /** Runs batches until none is left; the number of entries done. */
    public int runUntilDone() {
        int total = 0;
        for (int done = cleanup.runBatch(); done > 0; done = cleanup.runBatch()) {
            total += done;
        }
        return total;
    }
}
