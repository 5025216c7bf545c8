package io.darkroom.application.resource.restore;

import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.Page;

import java.time.Instant;
import java.util.List;

/**
 * A cloud's trash a page at a time, newest deletion first, by keyset: the signed cursor holds the last entry's deletion
 * time and asset id. {@code GET /resources/trash} and the console's trash view both read it.
 */
public class TrashListing {
    private final VersionQueries versions;
    private final CursorCodec cursors;

    public TrashListing(VersionQueries versions, CursorCodec cursors) {
        this.versions = versions;
        this.cursors = cursors;
    }

    public Page<TrashedAsset> page(String cloud, int limit, String cursor) {
        String scope = "trash|" + cloud;
        List<String> after = cursor == null ? null : cursors.decode(scope, cursor, 2);
        List<TrashedAsset> rows = versions.trash(cloud, after == null ? null : Instant.parse(after.get(0)),
                after == null ? null : after.get(1), limit);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        TrashedAsset last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), cursors.encode(scope, List.of(last.deletedAt().toString(), last.assetId())));
    }
}
