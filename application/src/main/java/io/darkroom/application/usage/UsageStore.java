package io.darkroom.application.usage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Port: the usage projection's tables: what each asset holds in storage, and each cloud's days. */
public interface UsageStore {
    /** What an asset holds: its folder, the bytes of its versions, and its derived files. */
    record AssetUsage(String cloud, String folder, long originalBytes, long derivedCount, long derivedBytes) {
    }

    /** One cloud's day: its changes, and (for a report) the stocks at its end. */
    record UsageDay(LocalDate day, UsageDelta delta) {
    }

    /**
     * The last event the tables hold: its position in the event store, and the lower positions that were not committed
     * then (they may still come). An event at or below it, not among the gaps, is in the tables already.
     */
    record Watermark(long position, Set<Long> gaps) {
        public boolean covers(long index) {
            return index <= position && !gaps.contains(index);
        }
    }

    /**
     * The watermark, read so that the batch that reads it and a rebuild that replaces the tables never overlap (the
     * rebuild's exclusive lock waits for the batch, or the batch for the rebuild).
     */
    Optional<Watermark> watermark();

    void watermark(Watermark watermark);

    /** The event's position in the event store (its global index), or empty when it is not there. */
    OptionalLong eventPosition(String eventIdentifier);

    void uploaded(String assetId, String cloud, String folder, long bytes);

    /** Adds a version's bytes; the asset as it is now, or empty when unknown. */
    Optional<AssetUsage> versionUploaded(String assetId, long bytes);

    Optional<AssetUsage> renamed(String assetId, String folder);

    /** Removes the asset and its derived files; what it held, or empty when unknown. */
    Optional<AssetUsage> deleted(String assetId);

    /** The asset went to the trash: its derived files are gone (answered), its versions' bytes stay. */
    Optional<AssetUsage> trashed(String assetId);

    /** The asset is back from the trash: answers what it holds. */
    Optional<AssetUsage> restored(String assetId);

    /** {@code bytes} of the asset's versions were removed for good: answers the asset as it was, trashed or not. */
    Optional<PurgedUsage> purged(String assetId, long bytes);

    record PurgedUsage(String cloud, String folder, boolean trashed) {
    }

    /** Records a derived file; its asset, or empty when unknown (or the file is known already). */
    Optional<AssetUsage> derived(String derivedId, String assetId, long bytes);

    /** Removes derived files of the asset; their count and bytes as an AssetUsage of the asset, or empty. */
    Optional<AssetUsage> derivedDeleted(String assetId, Collection<String> derivedIds);

    void addDays(Map<String, Map<LocalDate, UsageDelta>> byCloudAndDay);

    void addFolderDays(Map<String, Map<LocalDate, Map<String, Long>>> byCloudDayAndFolder);

    /** Each day from {@code from} to {@code to} that changed something, in order. */
    List<UsageDay> days(String cloud, LocalDate from, LocalDate to);

    /** The sums of every day up to and including {@code day}. */
    UsageDelta upTo(String cloud, LocalDate day);

    /** Storage bytes per folder at the end of {@code day} (folders that hold nothing left out). */
    Map<String, Long> folders(String cloud, LocalDate day);

    void clear();
}
