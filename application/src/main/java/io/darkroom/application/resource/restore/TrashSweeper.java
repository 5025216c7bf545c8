package io.darkroom.application.resource.restore;

import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.support.Commands;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.PurgeVersions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Purges the trashed assets whose cloud's retention has passed: each gets a {@link PurgeVersions} (an event in its
 * history; its bytes join the deletion queue in that transaction), {@value #BATCH} assets per transaction. Safe on
 * several nodes at once: an asset purged or restored meanwhile records nothing, and a lost race is retried.
 */
public class TrashSweeper {
    static final int BATCH = 100;
    private static final int PER_RUN = 1000;

    private final VersionQueries versions;
    private final Commands commands;
    private final TrashRetention retention;
    private final Clock clock;
    private final io.darkroom.application.support.AggregatePrefetch prefetch;

    public TrashSweeper(VersionQueries versions, Commands commands, TrashRetention retention, Clock clock,
                        io.darkroom.application.support.AggregatePrefetch prefetch) {
        this.prefetch = prefetch;
        this.versions = versions;
        this.commands = commands;
        this.retention = retention;
        this.clock = clock;
    }

    /** One pass over every cloud with a trash; answers how many assets were purged (at most a thousand per cloud). */
    public int sweep() {
        int purged = 0;
        Instant now = clock.instant();
        for (String cloud : versions.cloudsWithTrash()) {
            List<TrashedAsset> expired = versions.expired(cloud, now.minus(retention.of(cloud)), PER_RUN);
            for (int from = 0; from < expired.size(); from += BATCH) {
                List<TrashedAsset> batch = expired.subList(from, Math.min(expired.size(), from + BATCH));
                commands.retrying(() -> commands.inOneUnit(() -> {
                    prefetch.prefetch(batch.stream().map(TrashedAsset::assetId).toList());
                    batch.forEach(asset -> commands.send(
                            new PurgeVersions(AssetId.of(asset.assetId()), CloudName.of(cloud), null, true)));
                    return null;
                }));
                purged += batch.size();
            }
        }
        return purged;
    }
}
