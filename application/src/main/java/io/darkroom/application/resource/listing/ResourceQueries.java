package io.darkroom.application.resource.listing;

import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The browse calls of the Admin API over the listing read model: keyset pages, signed cursors,
 * the reference's default orders. Parameters arrive already parsed; limits are checked here.
 */
public class ResourceQueries {
    private final ResourceReadModel readModel;
    private final CursorCodec cursors;

    public ResourceQueries(ResourceReadModel readModel, CursorCodec cursors) {
        this.readModel = readModel;
        this.cursors = cursors;
    }

    /**
     * A page of a listing. {@code direction} null means the reference's default: descending by
     * time, or ascending by public id when a prefix or public ids are given.
     */
    public Page<ResourceView> list(ListingQuery request, Boolean ascending, String nextCursor) {
        boolean byPublicId = request.prefix() != null || request.publicIds() != null;
        ListingQuery.SortKey sortKey = byPublicId ? ListingQuery.SortKey.PUBLIC_ID : ListingQuery.SortKey.CREATED_AT;
        boolean asc = ascending != null ? ascending : byPublicId;
        String scope = scopeOf(request, sortKey, asc);
        ListingQuery.Position after = null;
        if (nextCursor != null) {
            List<String> values = cursors.decode(scope, nextCursor, 2);
            after = new ListingQuery.Position(values.get(0), values.get(1));
        }
        ListingQuery query = new ListingQuery(request.cloud(), request.resourceType(), request.type(), request.prefix(),
                request.publicIds(), request.tag(), request.moderationKind(), request.moderationStatus(),
                request.startAt(), sortKey, asc, after, request.limit(), request.contextKey(), request.contextValue());
        List<ResourceView> rows = readModel.list(query);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<ResourceView> page = rows.subList(0, request.limit());
        ResourceView last = page.get(page.size() - 1);
        String sortValue = sortKey == ListingQuery.SortKey.PUBLIC_ID ? last.publicId() : String.valueOf(micros(last.createdAt()));
        return new Page<>(List.copyOf(page), cursors.encode(scope, List.of(sortValue, last.assetId())));
    }

    public ResourceView details(ResourceKey key, String publicId) {
        return readModel.find(key, publicId)
                .orElseThrow(() -> DarkroomException.notFound("Resource not found - " + publicId));
    }

    public ResourceView detailsByAssetId(String cloud, String assetId) {
        return findByAssetId(cloud, assetId).orElseThrow(() -> DarkroomException.notFound("Resource not found - " + assetId));
    }

    /** The cloud's live resource with this asset id; empty for another cloud's, a trashed or an unknown one. */
    public java.util.Optional<ResourceView> findByAssetId(String cloud, String assetId) {
        return readModel.findByAssetId(cloud, assetId);
    }

    /** The cloud's resources among {@code assetIds}, in the order asked for; unknown ids are left out. */
    public List<ResourceView> byAssetIds(String cloud, List<String> assetIds) {
        java.util.Map<String, ResourceView> found = new java.util.HashMap<>();
        readModel.findByAssetIds(cloud, assetIds).forEach(r -> found.put(r.assetId(), r));
        return assetIds.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public ResourceAnalysis analysis(String assetId) {
        return readModel.analysis(assetId);
    }

    public Page<String> tags(String cloud, String resourceType, String prefix, int limit, String nextCursor) {
        String scope = "tags|" + cloud + "|" + resourceType + "|" + (prefix == null ? "" : prefix);
        String after = nextCursor == null ? null : cursors.decode(scope, nextCursor, 1).get(0);
        List<String> tags = readModel.tags(cloud, resourceType, prefix, after, limit + 1);
        if (tags.size() <= limit) {
            return new Page<>(tags, null);
        }
        List<String> page = List.copyOf(tags.subList(0, limit));
        return new Page<>(page, cursors.encode(scope, List.of(page.get(limit - 1))));
    }

    public List<String> resourceTypes(String cloud) {
        return readModel.resourceTypes(cloud);
    }

    /** Microseconds since the epoch: the read model's precision, exact in a cursor. */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static String scopeOf(ListingQuery q, ListingQuery.SortKey sortKey, boolean asc) {
        return String.join("|", "resources", q.cloud(), q.resourceType(), String.valueOf(q.type()),
                String.valueOf(q.prefix()), String.valueOf(q.publicIds()), String.valueOf(q.tag()),
                String.valueOf(q.moderationKind()), String.valueOf(q.moderationStatus()),
                String.valueOf(q.startAt()), sortKey.name(), String.valueOf(asc), String.valueOf(q.contextKey()),
                String.valueOf(q.contextValue()));
    }
}
