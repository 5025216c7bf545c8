package io.darkroom.application.resource.restore;

import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceReadModel;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.AggregatePrefetch;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Futures;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.RestoreRefusedException;
import io.darkroom.domain.resource.RestoreResource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Restores, by public id (optionally one version per id) or by asset id, at most {@value #MAX_PER_CALL} per call.
 * The ids are resolved with a few queries for the whole call ({@link RestoreTargets}); the restores then run in
 * batches of {@value #BATCH} assets per unit of work and transaction (names claimed again, snapshots and events
 * prefetched with one query, events appended as one batch), batches in parallel, as bulk deletions do. A batch that
 * loses a race is retried whole; one whose restore the aggregate refuses after all is done again one asset at a time.
 */
public class ResourceRestorer {
    public static final int MAX_PER_CALL = 1000;
    private static final int BATCH = 250;

    private final PublicIdClaims claims;
    private final ResourceReadModel readModel;
    private final VersionQueries versions;
    private final Commands commands;
    private final AggregatePrefetch prefetch;
    private final TrashRetention retention;
    private final Clock clock;
    private final Executor workers;
    private final RestoreTargets resolver;

    public ResourceRestorer(PublicIdClaims claims, ResourceReadModel readModel, VersionQueries versions, Commands commands,
                            AggregatePrefetch prefetch, TrashRetention retention, Clock clock, Executor workers) {
        this.claims = claims;
        this.readModel = readModel;
        this.versions = versions;
        this.commands = commands;
        this.prefetch = prefetch;
        this.retention = retention;
        this.clock = clock;
        this.workers = workers;
        this.resolver = new RestoreTargets(claims, versions);
    }

    public RestoreResult restoreByPublicIds(ResourceKey key, List<String> publicIds, List<String> versionIds) {
        check("public_ids", publicIds, versionIds);
        Instant now = clock.instant();
        List<RestoreTarget> targets = resolver.byPublicIds(key, publicIds, versionIds, now.minus(retention.of(key.cloud())));
        return run(key, targets, now);
    }

    public RestoreResult restoreByAssetIds(String cloud, List<String> assetIds, List<String> versionIds) {
        check("asset_ids", assetIds, versionIds);
        Instant now = clock.instant();
        List<String> live = readModel.findByAssetIds(cloud, assetIds).stream().map(ResourceView::assetId).toList();
        List<RestoreTarget> targets = resolver.byAssetIds(cloud, assetIds, versionIds, now.minus(retention.of(cloud)), live);
        // the key of each trashed asset's name comes from its trash row, so all of a call's assets may differ in types
        return run(new ResourceKey(cloud, null, null), targets, now);
    }

    private static void check(String name, List<String> ids, List<String> versionIds) {
        if (ids == null || ids.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - " + name);
        }
        if (ids.size() > MAX_PER_CALL) {
            throw DarkroomException.badRequest("Too many " + name + ": " + ids.size() + " (maximum " + MAX_PER_CALL + ")");
        }
        if (versionIds != null && !versionIds.isEmpty() && versionIds.size() != ids.size()) {
            throw DarkroomException.badRequest("versions must name one version per id: " + ids.size() + " ids, "
                    + versionIds.size() + " versions");
        }
    }

    private RestoreResult run(ResourceKey key, List<RestoreTarget> targets, Instant now) {
        if (targets.stream().allMatch(t -> t.error() != null && t.error().startsWith("Resource not found"))) {
            throw DarkroomException.notFound("Resource not found - " + String.join(", ",
                    targets.stream().map(RestoreTarget::id).distinct().toList()));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        targets.stream().filter(t -> t.error() != null).forEach(t -> errors.put(t.id(), t.error()));
        List<RestoreTarget> changing = targets.stream().filter(RestoreTarget::changes).toList();
        Map<String, MediaFacts> facts = versions.facts(key.cloud(), changing.stream().map(RestoreTarget::assetId).toList(),
                changing.stream().map(RestoreTarget::versionId).toList());
        Instant keptSince = now.minus(retention.of(key.cloud()));
        List<CompletableFuture<Map<String, String>>> batches = new ArrayList<>();
        for (int from = 0; from < changing.size(); from += BATCH) {
            List<RestoreTarget> batch = changing.subList(from, Math.min(changing.size(), from + BATCH));
            batches.add(CompletableFuture.supplyAsync(() -> restoreBatch(key.cloud(), batch, facts, now, keptSince), workers));
        }
        for (CompletableFuture<Map<String, String>> batch : batches) {
            errors.putAll(Futures.join(batch));
        }
        List<String> assetIds = targets.stream().filter(t -> t.assetId() != null && !errors.containsKey(t.id()))
                .map(RestoreTarget::assetId).distinct().toList();
        Map<String, ResourceView> byAsset = new LinkedHashMap<>();
        readModel.findByAssetIds(key.cloud(), assetIds).forEach(view -> byAsset.put(view.assetId(), view));
        Map<String, ResourceView> resources = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (RestoreTarget target : targets) {
            ids.add(target.id());
            ResourceView view = target.assetId() == null ? null : byAsset.get(target.assetId());
            if (!errors.containsKey(target.id()) && view != null) {
                resources.put(target.id(), view);
            } else {
                errors.putIfAbsent(target.id(), "Resource not found - " + target.id());
            }
        }
        return new RestoreResult(resources, errors, ids.stream().distinct().toList());
    }

    /** The errors of the batch's restores, by id; all of it in one transaction, or one asset at a time after a refusal. */
    private Map<String, String> restoreBatch(String cloud, List<RestoreTarget> batch, Map<String, MediaFacts> facts,
                                             Instant now, Instant keptSince) {
        try {
            return commands.retrying(() -> commands.inOneUnit(() -> restoreLocked(cloud, batch, facts, now, keptSince)));
        } catch (RestoreRefusedException | DarkroomException refused) {
            if (batch.size() == 1) {
                return Map.of(batch.get(0).id(), refused.getMessage());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (RestoreTarget one : batch) {
                errors.putAll(restoreBatch(cloud, List.of(one), facts, now, keptSince));
            }
            return errors;
        }
    }

    private Map<String, String> restoreLocked(String cloud, List<RestoreTarget> batch, Map<String, MediaFacts> facts,
                                              Instant now, Instant keptSince) {
        Map<String, String> errors = new LinkedHashMap<>();
        prefetch.prefetch(batch.stream().map(RestoreTarget::assetId).toList());
        Map<String, TrashedAsset> trash = versions.trashed(cloud,
                batch.stream().filter(RestoreTarget::fromTrash).map(RestoreTarget::assetId).toList());
        // the names of the batch's trashed assets, claimed again with two statements
        Map<String, String> holders = claims.claimAll(cloud, trash.values().stream()
                .map(t -> new PublicIdClaims.NameClaim(t.resourceType(), t.type(), t.publicId(), t.assetId())).toList());
        for (RestoreTarget target : batch) {
            if (target.fromTrash()) {
                TrashedAsset trashed = trash.get(target.assetId());
                if (trashed == null) {
                    errors.put(target.id(), "The asset " + target.assetId() + " is no longer in the trash");
                    continue;
                }
                String holder = holders.get(target.assetId());
                if (!target.assetId().equals(holder)) {
                    errors.put(target.id(), RestoreTargets.taken(trashed.publicId(), holder));
                    continue;
                }
            }
            MediaFacts of = facts.get(target.versionId());
            if (of == null) {
                errors.put(target.id(), "No backup found for version " + target.versionId() + " of " + target.id());
                continue;
            }
            commands.send(new RestoreResource(AssetId.of(target.assetId()), CloudName.of(cloud), target.versionId(), of,
                    now, keptSince));
        }
        return errors;
    }
}
