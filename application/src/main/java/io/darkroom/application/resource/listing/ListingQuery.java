package io.darkroom.application.resource.listing;

import java.time.Instant;
import java.util.List;

/**
 * One page request against the listing read model. At most one filter is set: {@code prefix},
 * {@code publicIds}, {@code tag} or a moderation queue. {@code after} is the last row of the
 * previous page (null for the first page). The store returns up to {@code limit + 1} rows so
 * the caller can tell whether another page exists. {@code contextKey} (with {@code contextValue}, or
 * any value when that is null) keeps only resources whose context has that key.
 */
public record ListingQuery(String cloud, String resourceType, String type, String prefix, List<String> publicIds,
                           String tag, String moderationKind, String moderationStatus, Instant startAt,
                           SortKey sortKey, boolean ascending, Position after, int limit, String contextKey,
                           String contextValue) {
    public enum SortKey { CREATED_AT, PUBLIC_ID }

    /** A keyset position: the sort value of the last row seen and its asset id as the tie-break. */
    public record Position(String sortValue, String assetId) {
    }
}
