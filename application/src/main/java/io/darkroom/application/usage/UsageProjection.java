package io.darkroom.application.usage;

import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceDerived;
import io.darkroom.domain.resource.ResourceDerivedDeleted;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import io.darkroom.domain.resource.ResourceRestored;
import io.darkroom.domain.resource.ResourceVersionsPurged;
import io.darkroom.domain.usage.UsageMetered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Usage per cloud and UTC day, from events only (so replay rebuilds it exactly): resources, derived
 * files, storage (every kept version and every derived file), per-folder storage, deliveries and
 * their bytes, derivations, Admin API calls. A streaming processor: it follows the event store in
 * batches, keeping what each asset holds per event and adding a batch's day totals in one write per
 * cloud and day (no request waits for it, and no two writers contend for a day's row).
 */
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {
    public static final String PROCESSING_GROUP = "usage";
    private static final String BATCH = UsageProjection.class.getName() + ".batch";
    /**
     * How far below its position a token keeps gaps (Axon's default {@code maxGapOffset}): an event more than this above
     * the watermark's position can neither be nor fill anything the watermark covers.
     */
    static final long GAP_REACH = 10_000;

    private final UsageStore store;

    public UsageProjection(UsageStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ResourceUploaded event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        long bytes = event.facts().bytes();
        String folder = event.assetFolder();
        store.uploaded(event.assetId(), event.cloud(), folder, bytes);
        batch.add(event.cloud(), at, UsageDelta.storage(1, 0, bytes), folder, bytes);
    }

    @EventHandler
    void on(ResourceVersionUploaded event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        long bytes = event.facts().bytes();
        store.versionUploaded(event.assetId(), bytes)
                .ifPresent(asset -> batch.add(asset.cloud(), at, UsageDelta.storage(0, 0, bytes), asset.folder(), bytes));
    }

    @EventHandler
    void on(ResourceRenamed event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        moved(batch, event.assetId(), event.assetFolder(), at);
    }

    @EventHandler
    void on(io.darkroom.domain.resource.ResourceMoved event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        moved(batch, event.assetId(), event.assetFolder(), at);
    }

    /** The asset's storage counts in {@code folder} from now on. */
    private void moved(Batch batch, String assetId, String folder, Instant at) {
        store.renamed(assetId, folder).filter(before -> !before.folder().equals(folder)).ifPresent(before -> {
            long held = before.originalBytes() + before.derivedBytes();
            batch.add(before.cloud(), at, UsageDelta.NONE, before.folder(), -held);
            batch.add(before.cloud(), at, UsageDelta.NONE, folder, held);
        });
    }

    @EventHandler
    void on(ResourceDeleted event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        if (event.trashed()) {
            // its versions' bytes stay (counted as storage, and as trash) until they are purged; its derived files go
            store.trashed(event.assetId()).ifPresent(asset -> batch.add(asset.cloud(), at,
                    UsageDelta.trash(-1, -asset.derivedCount(), -asset.derivedBytes(), asset.originalBytes()), asset.folder(),
                    -asset.derivedBytes()));
            return;
        }
        store.deleted(event.assetId()).ifPresent(asset -> {
            long held = asset.originalBytes() + asset.derivedBytes();
            batch.add(asset.cloud(), at, UsageDelta.storage(-1, -asset.derivedCount(), -held), asset.folder(), -held);
        });
    }

    @EventHandler
    void on(ResourceRestored event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId) || !event.fromTrash()) {
            return;
        }
        store.restored(event.assetId()).ifPresent(asset -> batch.add(asset.cloud(), at,
                UsageDelta.trash(1, 0, 0, -asset.originalBytes()), asset.folder(), 0));
    }

    @EventHandler
    void on(ResourceVersionsPurged event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        store.purged(event.assetId(), event.bytes()).ifPresent(asset -> batch.add(asset.cloud(), at,
                UsageDelta.trash(0, 0, -event.bytes(), asset.trashed() ? -event.bytes() : 0), asset.folder(), -event.bytes()));
    }

    @EventHandler
    void on(ResourceDerived event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        store.derived(event.derivedId(), event.assetId(), event.bytes()).ifPresent(asset -> batch.add(asset.cloud(), at,
                new UsageDelta(0, 1, event.bytes(), 0, 0, 1, 0, 0), asset.folder(), event.bytes()));
    }

    @EventHandler
    void on(ResourceDerivedDeleted event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        store.derivedDeleted(event.assetId(), event.derivedIds()).ifPresent(gone -> batch.add(gone.cloud(), at,
                UsageDelta.storage(0, -gone.derivedCount(), -gone.derivedBytes()), gone.folder(), -gone.derivedBytes()));
    }

    /** A Media Optimizer derivation: a derived file and a transformation of the cloud, outside any folder. */
    @EventHandler
    void on(io.darkroom.domain.optimizer.OptimizedMediaDerived event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        store.uploaded(event.mediaId(), event.cloud(), "", 0);
        store.derived(event.variantId(), event.mediaId(), event.bytes()).ifPresent(media ->
                batch.add(event.cloud(), at, new UsageDelta(0, 1, event.bytes(), 0, 0, 1, 0, 0), null, 0));
    }

    @EventHandler
    void on(io.darkroom.domain.optimizer.OptimizedMediaInvalidated event, @Timestamp Instant at, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        store.derivedDeleted(event.mediaId(), event.variantIds()).ifPresent(gone -> batch.add(event.cloud(), at,
                UsageDelta.storage(0, -gone.derivedCount(), -gone.derivedBytes()), null, 0));
    }

    @EventHandler
    void on(UsageMetered event, TrackingToken token, @MessageIdentifier String eventId) {
        Batch batch = batch();
        if (batch.skips(token, eventId)) {
            return;
        }
        batch.add(event.cloud(), event.minute(), new UsageDelta(0, 0, 0, event.deliveredBytes(), event.deliveries(), 0,
                event.adminCalls(), 0), null, 0);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /** The day totals of the unit of work's events, written once when it commits (or at once without one). */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(store, true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(store, false);
            root.onPrepareCommit(unit -> batch.write());
            return batch;
        });
    }

    private static final class Batch {
        private final UsageStore store;
        private final boolean immediate;
        private final Map<String, Map<LocalDate, UsageDelta>> days = new HashMap<>();
        private final Map<String, Map<LocalDate, Map<String, Long>>> folders = new HashMap<>();
        private Optional<UsageStore.Watermark> stored;
        private UsageStore.Watermark reached;
        /** The token of the batch's previous event seen here (null gaps: none yet). */
        private Set<Long> previousGaps;
        private long previousIndex;

        Batch(UsageStore store, boolean immediate) {
            this.store = store;
            this.immediate = immediate;
        }

        /**
         * Whether the tables hold this event already (an online rebuild switched them in ahead of this processor);
         * otherwise it becomes the batch's new watermark.
         */
        boolean skips(TrackingToken token, String eventId) {
            if (stored == null) {
                stored = store.watermark();
            }
            if (token == null || token.position().isEmpty()) {
                return false;
            }
            long index = token.position().getAsLong();
            // global index 0 never holds an event (the sequence starts at 1): a token that began before the first event lists
            // it as a gap, which a rebuild's watermark does not; left out, the two agree
            Set<Long> gaps = token instanceof GapAwareTrackingToken gapAware
                    ? gapAware.getGaps().stream().filter(gap -> gap > 0).collect(java.util.stream.Collectors.toUnmodifiableSet())
                    : Set.of();
            Set<Long> before = previousGaps;
            long beforeIndex = previousIndex;
            previousGaps = gaps;
            previousIndex = index;
            if (stored.isPresent() && index <= stored.get().position() + GAP_REACH
                    && stored.get().covers(position(index, gaps, beforeIndex, before, eventId))) {
                return true;
            }
            // the latest token holds at least as much as any before it (a filled gap leaves the position as it was)
            if (reached == null || index >= reached.position()) {
                reached = new UsageStore.Watermark(index, gaps);
            }
            return false;
        }

        /**
         * This event's own position. A token's position is the highest event read, so an event that fills a gap sits
         * lower (maybe in a gap of the watermark, so not in the tables, or below it, so in them). Beside the batch's
         * previous token it shows when exactly one event was read since: a new highest event raises the position, a
         * filled gap leaves the gaps; otherwise (the batch's first event, or events this projection does not handle in
         * between) the store says.
         */
        private long position(long index, Set<Long> gaps, long beforeIndex, Set<Long> before, String eventId) {
            if (before != null) {
                Set<Long> filled = new java.util.HashSet<>(before);
                filled.removeAll(gaps);
                long opened = gaps.stream().filter(gap -> !before.contains(gap)).count();
                // events read since the previous token: the new positions passed but not left as gaps, and the gaps filled
                long read = index - beforeIndex - opened + filled.size();
                if (read == 1) {
                    return filled.isEmpty() ? index : filled.iterator().next();
                }
            }
            return store.eventPosition(eventId).orElse(index);
        }

        void add(String cloud, Instant at, UsageDelta delta, String folder, long folderBytes) {
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            days.computeIfAbsent(cloud, c -> new HashMap<>()).merge(day, delta, UsageDelta::plus);
            if (folder != null && folderBytes != 0) {
                folders.computeIfAbsent(cloud, c -> new HashMap<>()).computeIfAbsent(day, d -> new HashMap<>())
                        .merge(folder, folderBytes, Long::sum);
            }
            if (immediate) {
                write();
            }
        }

        void write() {
            if (reached != null && (stored.isEmpty() || reached.position() > stored.get().position())) {
                store.watermark(reached);
                stored = Optional.of(reached);
            }
            store.addDays(days);
            store.addFolderDays(folders);
            days.clear();
            folders.clear();
        }
    }
}
