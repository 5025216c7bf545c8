package io.darkroom.api.delivery;

import io.darkroom.application.delivery.DeliveryChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps this node's {@link DeliveryCache} in step with changes made on any node: every
 * {@code darkroom.delivery-cache.sync-interval} it reads the invalidating events appended since it
 * last looked (one indexed query) and drops those assets' answers. Indexes it saw skipped are looked
 * at again for a minute (their transactions may commit late); when more changed than one read takes,
 * it drops everything and starts from the head.
 */
public class DeliveryCacheSync {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryCacheSync.class);
    private static final int BATCH = 10_000;
    private static final long GAP_LIFETIME_MS = 60_000;
    private static final int MAX_GAPS = 10_000;

    private final DeliveryCache cache;
    private final DeliveryChanges changes;
    private final List<String> payloadTypes = DeliveryCacheEvents.INVALIDATING.stream().map(Class::getName).toList();
    private final Map<Long, Long> gaps = new HashMap<>();
    private long seen = -1;

    public DeliveryCacheSync(DeliveryCache cache, DeliveryChanges changes) {
        this.cache = cache;
        this.changes = changes;
    }

    @Scheduled(fixedDelayString = "${darkroom.delivery-cache.sync-interval:1s}")
    synchronized void sync() {
        try {
            if (seen < 0) {
                seen = changes.head();
                cache.clear();
                return;
            }
            List<DeliveryChanges.Change> found = changes.since(seen, gaps.keySet(), payloadTypes, BATCH);
            if (found.size() == BATCH) {
                cache.clear();
                gaps.clear();
                seen = changes.head();
                return;
            }
            long now = System.currentTimeMillis();
            for (DeliveryChanges.Change change : found) {
                if (change.assetId() != null) {
                    cache.forget(change.assetId());
                }
                if (gaps.remove(change.globalIndex()) == null && change.globalIndex() > seen) {
                    for (long missing = seen + 1; missing < change.globalIndex(); missing++) {
                        gaps.put(missing, now);
                    }
                    seen = change.globalIndex();
                }
            }
            gaps.values().removeIf(since -> now - since > GAP_LIFETIME_MS);
            if (gaps.size() > MAX_GAPS) {
                cache.clear();
                gaps.clear();
            }
        } catch (RuntimeException e) {
            // answers may now be stale for longer than usual: start again from an empty cache
            LOG.warn("Delivery cache sync failed; clearing the cache: {}", e.getMessage());
            cache.clear();
            seen = -1;
        }
    }
}
