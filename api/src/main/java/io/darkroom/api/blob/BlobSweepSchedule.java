package io.darkroom.api.blob;

import io.darkroom.application.blob.BlobSweeper;
import io.darkroom.application.resource.upload.chunked.ChunkedUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Removes the bytes of deleted resources shortly after their deletion commits, and abandoned chunked uploads (every node may run it). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class BlobSweepSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(BlobSweepSchedule.class);

    private final BlobSweeper sweeper;
    private final ChunkedUploads chunkedUploads;

    public BlobSweepSchedule(BlobSweeper sweeper, ChunkedUploads chunkedUploads) {
        this.sweeper = sweeper;
        this.chunkedUploads = chunkedUploads;
    }

    /** Chunked uploads that stopped receiving parts: their rows go, their parts join the deletion queue. */
    @Scheduled(fixedDelayString = "${darkroom.blob-sweep-interval:5s}", initialDelayString = "${darkroom.blob-sweep-interval:5s}")
    void discardAbandonedUploads() {
        try {
            int removed = chunkedUploads.discardAbandoned();
            if (removed > 0) {
                LOG.info("Discarded {} abandoned chunked uploads", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Discarding abandoned chunked uploads failed; trying again on the next run: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${darkroom.blob-sweep-interval:5s}", initialDelayString = "${darkroom.blob-sweep-interval:5s}")
    void sweep() {
        try {
            int removed = sweeper.sweep();
            if (removed > 0) {
                LOG.debug("Removed {} blobs of deleted resources", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Blob sweep failed; the queue keeps the keys for the next run: {}", e.getMessage());
        }
    }
}
