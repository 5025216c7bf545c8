package io.darkroom.application.resource.manage;

import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.listing.ListingQuery;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Futures;
import io.darkroom.application.support.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Bulk deletion, at most {@value #MAX_PER_CALL} originals per call. Targets come from one keyset
 * query on the read model (or one claims lookup for named ids); they are deleted in batches of
 * {@value #BATCH} per unit of work and transaction (claims locked and freed with one statement each,
 * the aggregates' snapshots and events read with one prefetch query, the events appended as one
 * batch), batches in parallel, so a call costs a few commits, not one per asset. A cursor continues
 * an unfinished selection.
 */
public class ResourceDeleter {
    public static final int MAX_PER_CALL = 1000;
    private static final int BATCH = 250;

    private final ResourceManager manager;
    private final ResourceQueries queries;
    private final PublicIdClaims claims;
    private final Commands commands;
    private final Executor workers;
    private final ResourceDerivatives derivatives;

    /** {@code workers} runs a call's batches in parallel; a small pool (cores + 1) is plenty. */
    public ResourceDeleter(ResourceManager manager, ResourceQueries queries, PublicIdClaims claims, Commands commands,
                           Executor workers, ResourceDerivatives derivatives) {
        this.manager = manager;
        this.queries = queries;
        this.claims = claims;
        this.commands = commands;
        this.workers = workers;
        this.derivatives = derivatives;
    }

    public DeletionResult delete(DeletionRequest request) {
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        String nextCursor = null;
        if (request.publicIds() != null) {
            if (request.publicIds().isEmpty()) {
                throw DarkroomException.badRequest("Missing required parameter - public_ids, prefix, all or tag");
            }
            if (request.publicIds().size() > MAX_PER_CALL) {
                throw DarkroomException.badRequest("Too many public_ids: " + request.publicIds().size() + " (maximum " + MAX_PER_CALL + ")");
            }
            Map<String, String> holders = claims.holders(request.key(), request.publicIds());
            for (String publicId : request.publicIds()) {
                String assetId = holders.get(publicId);
                if (assetId == null) {
                    outcome.put(publicId, "not_found");
                } else {
                    targets.put(assetId, publicId);
                }
            }
        } else {
            ListingQuery selection = new ListingQuery(request.cloud(), request.resourceType(), request.type(),
                    request.tag() == null ? (request.prefix() == null ? "" : request.prefix()) : null, null, request.tag(),
                    null, null, null, null, true, null, MAX_PER_CALL, null, null);
            Page<ResourceView> page = queries.list(selection, true, request.nextCursor());
            page.items().forEach(r -> targets.put(r.assetId(), r.publicId()));
            nextCursor = page.nextCursor();
        }
        return deleteTargets(request.cloud(), targets, outcome, request.onlyDerived(), request.transformations(), nextCursor);
    }

    /**
     * The SDKs' {@code delete_resources_by_asset_ids}: the cloud's assets among {@code assetIds}, answered by asset id
     * (another cloud's or an unknown id is {@code not_found}).
     */
    public DeletionResult deleteAssets(String cloud, List<String> assetIds, boolean keepOriginal,
                                       List<io.darkroom.domain.transformation.Transformation> transformations) {
        if (assetIds == null || assetIds.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - asset_ids");
        }
        if (assetIds.size() > MAX_PER_CALL) {
            throw DarkroomException.badRequest("Too many asset_ids: " + assetIds.size() + " (maximum " + MAX_PER_CALL + ")");
        }
        Set<String> found = new java.util.HashSet<>();
        queries.byAssetIds(cloud, assetIds).forEach(view -> found.add(view.assetId()));
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        for (String assetId : assetIds) {
            if (found.contains(assetId)) {
                targets.put(assetId, assetId);
            } else {
                outcome.put(assetId, "not_found");
            }
        }
        return deleteTargets(cloud, targets, outcome, keepOriginal || transformations != null, transformations, null);
    }

    /** {@code targets}: asset id to the id the answer names it by. */
    private DeletionResult deleteTargets(String cloud, Map<String, String> targets, Map<String, String> outcome,
                                         boolean onlyDerived, List<io.darkroom.domain.transformation.Transformation> transformations,
                                         String nextCursor) {
        Map<String, DeletionResult.Counts> counts = new LinkedHashMap<>();
        if (onlyDerived) {
            Map<String, Integer> deletedDerived = derivatives.deleteOf(cloud, targets.keySet(), transformations);
            targets.forEach((assetId, publicId) -> {
                outcome.put(publicId, "deleted");
                counts.put(publicId, new DeletionResult.Counts(0, deletedDerived.getOrDefault(assetId, 0)));
            });
            return new DeletionResult(outcome, counts, nextCursor);
        }
        List<String> assetIds = new ArrayList<>(targets.keySet());
        // the derived files go with their resource (the projection queues their blobs); counted before
        Map<String, Integer> derivedCounts = derivatives.countsOf(assetIds);
        List<CompletableFuture<Set<String>>> batches = new ArrayList<>();
        for (int from = 0; from < assetIds.size(); from += BATCH) {
            List<String> batch = assetIds.subList(from, Math.min(assetIds.size(), from + BATCH));
            // batches touch disjoint assets, so they run side by side, each in its own transaction
            batches.add(CompletableFuture.supplyAsync(() -> commands.retrying(() -> commands.inOneUnit(
                    () -> manager.deleteLocked(cloud, batch))), workers));
        }
        Set<String> deleted = new java.util.HashSet<>();
        for (CompletableFuture<Set<String>> batch : batches) {
            deleted.addAll(Futures.join(batch));
        }
        for (String assetId : assetIds) {
            boolean gone = deleted.contains(assetId);
            outcome.put(targets.get(assetId), gone ? "deleted" : "not_found");
            if (gone) {
                counts.put(targets.get(assetId), new DeletionResult.Counts(1, derivedCounts.getOrDefault(assetId, 0)));
            }
        }
        return new DeletionResult(outcome, counts, nextCursor);
    }
}
