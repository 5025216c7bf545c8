package io.darkroom.application.resource.manage;

import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceReadModel;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.AggregatePrefetch;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.ChangeContext;
import io.darkroom.domain.resource.ChangeTags;
import io.darkroom.domain.resource.ContextOperation;
import io.darkroom.domain.resource.DeleteResource;
import io.darkroom.domain.resource.Moderate;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.RenameResource;
import io.darkroom.application.cloud.FolderModes;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.ChangeDisplayName;
import io.darkroom.domain.resource.MoveResource;
import io.darkroom.domain.resource.SetCoordinates;
import io.darkroom.domain.resource.TagOperation;

import io.darkroom.application.cloud.TrashRetention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to existing resources, addressed by public id. Single-aggregate changes (tags,
 * context) run as their own command transaction, where Axon holds the aggregate's lock until
 * commit, so concurrent changes to one asset queue up; changes that also move a name (destroy,
 * rename) or span several commands (update) run as one unit of work and transaction
 * ({@link Commands#inOneUnit}) that first locks the name's claim, and are retried whole when they
 * lose a race.
 */
public class ResourceManager {
    private final PublicIdClaims claims;
    private final ResourceReadModel readModel;
    private final Commands commands;
    private final AggregatePrefetch prefetch;
    private final FolderModes folderModes;
    private final TrashRetention retention;
    private final Clock clock;

    public ResourceManager(PublicIdClaims claims, ResourceReadModel readModel, Commands commands, AggregatePrefetch prefetch,
                           FolderModes folderModes, TrashRetention retention, Clock clock) {
        this.folderModes = folderModes;
        this.retention = retention;
        this.clock = clock;
        this.claims = claims;
        this.readModel = readModel;
        this.commands = commands;
        this.prefetch = prefetch;
    }

    /** The Admin API update; answers the resource afterwards. Unknown names are a 404. */
    public ResourceView update(ResourceKey key, String publicId, ResourceUpdate update) {
        return updateAsset(key.cloud(), holder(key, publicId), publicId, update);
    }

    /**
     * The update by asset id; a deleted or unknown asset, or one of another cloud, is a 404 (the
     * aggregate refuses a caller of another cloud, so nothing of it is changed).
     */
    public ResourceView updateByAssetId(String cloud, String assetId, ResourceUpdate update) {
        if (readModel.findByAssetId(cloud, assetId).isEmpty()) {
            throw DarkroomException.notFound("Resource not found - " + assetId);
        }
        return updateAsset(cloud, assetId, assetId, update);
    }

    private ResourceView updateAsset(String cloud, String assetId, String publicId, ResourceUpdate update) {
        AssetId id = AssetId.of(assetId);
        CloudName name = CloudName.of(cloud);
        commands.retrying(() -> commands.inOneUnit(() -> {
            if (update.tags() != null) {
                commands.send(new ChangeTags(id, name, TagOperation.REPLACE, update.tags()));
            }
            if (update.context() != null) {
                commands.send(new ChangeContext(id, name, ContextOperation.REPLACE, update.context()));
            }
            if (update.faces() != null || update.custom() != null) {
                commands.send(new SetCoordinates(id, name, update.faces(), update.custom()));
            }
            if (update.moderationStatus() != null) {
                commands.send(new Moderate(id, name, update.moderationStatus()));
            }
            if (update.assetFolder() != null) {
                commands.send(new MoveResource(id, name, update.assetFolder()));
            }
            if (update.displayName() != null) {
                commands.send(new ChangeDisplayName(id, name, update.displayName()));
            }
            return null;
        }));
        return readModel.findByAssetId(cloud, assetId).orElseThrow(() -> DarkroomException.notFound("Resource not found - " + publicId));
    }

    /** Applies a tag operation to each named resource that exists; answers the public ids found. */
    public List<String> changeTags(ResourceKey key, TagOperation operation, List<String> tags,
                                   List<String> publicIds) {
        return forEachHolder(key, publicIds,
                assetId -> new ChangeTags(AssetId.of(assetId), CloudName.of(key.cloud()), operation, tags));
    }

    /** Gives {@code tag} to exactly the named resources: added to them, removed from every other holder. */
    public List<String> setExclusiveTag(ResourceKey key, String tag, List<String> publicIds) {
        List<String> found = changeTags(key, TagOperation.ADD, List.of(tag), publicIds);
        Set<String> keep = Set.copyOf(claims.holders(key, publicIds).values());
        for (String assetId : readModel.assetsTagged(key.cloud(), key.resourceType(), tag)) {
            if (!keep.contains(assetId)) {
                commands.retrying(() -> commands.send(new ChangeTags(AssetId.of(assetId), CloudName.of(key.cloud()), TagOperation.REMOVE, List.of(tag))));
            }
        }
        return found;
    }

    /** Applies a context operation to each named resource that exists; answers the public ids found. */
    public List<String> changeContext(ResourceKey key, ContextOperation operation,
                                      Map<String, String> context, List<String> publicIds) {
        return forEachHolder(key, publicIds,
                assetId -> new ChangeContext(AssetId.of(assetId), CloudName.of(key.cloud()), operation, context));
    }

    /** Deletes one resource; false when there is none by that name. */
    public boolean destroy(ResourceKey key, String publicId) {
        String assetId = claims.holders(key, List.of(publicId)).get(publicId);
        if (assetId == null) {
            return false;
        }
        return commands.retrying(() -> commands.inOneUnit(() -> deleteLocked(key.cloud(), List.of(assetId)).size() == 1));
    }

    /**
     * Renames a resource, keeping its asset id and history. A taken target name is a 409, unless
     * {@code overwrite}, which deletes the resource holding it first.
     */
    public ResourceView rename(ResourceKey key, String fromPublicId, String toPublicId,
                               boolean overwrite) {
        PublicId to = PublicId.of(toPublicId);
        String assetId = holder(key, fromPublicId);
        commands.retrying(() -> commands.inOneUnit(() -> {
            if (claims.lock(List.of(assetId)).isEmpty()) {
                throw DarkroomException.notFound("Resource not found - " + fromPublicId);
            }
            String holder = claims.claim(key, to.value(), assetId);
            if (!holder.equals(assetId)) {
                if (!overwrite) {
                    throw new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, "Resource already exists - " + to.value());
                }
                deleteLocked(key.cloud(), List.of(holder));
                claims.claim(key, to.value(), assetId);
            }
            // fixed folder mode: the public id's path is the folder, so a rename may move the asset; dynamic: it stays
            FolderPath folder = folderModes.dynamic(key.cloud()) ? null : FolderPath.of(to.folder());
            commands.send(new RenameResource(AssetId.of(assetId), CloudName.of(key.cloud()), to, folder));
            claims.releaseName(key, fromPublicId, assetId);
            return null;
        }));
        return readModel.findByAssetId(key.cloud(), assetId).orElseThrow(() -> DarkroomException.notFound("Resource not found - " + toPublicId));
    }

    /**
     * Locks the assets' claims, deletes those still held and frees their names; inside the
     * caller's unit of work ({@link Commands#inOneUnit}). The assets go to the trash unless the cloud keeps none.
     * Answers the assets deleted.
     */
    Set<String> deleteLocked(String cloud, List<String> assetIds) {
        Set<String> held = claims.lock(assetIds);
        prefetch.prefetch(held);
        Instant now = clock.instant();
        boolean keep = retention.keeps(cloud);
        for (String assetId : held) {
            commands.send(new DeleteResource(AssetId.of(assetId), CloudName.of(cloud), now, keep));
        }
        claims.release(held);
        return held;
    }

    private List<String> forEachHolder(ResourceKey key, List<String> publicIds,
                                       java.util.function.Function<String, Object> command) {
        Map<String, String> holders = claims.holders(key, publicIds);
        List<String> found = new ArrayList<>();
        for (String publicId : publicIds) {
            String assetId = holders.get(publicId);
            if (assetId == null) {
                continue;
            }
            try {
                commands.retrying(() -> commands.send(command.apply(assetId)));
                found.add(publicId);
            } catch (DarkroomException e) {
                if (e.kind() != DarkroomException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return found;
    }

    private String holder(ResourceKey key, String publicId) {
        String assetId = claims.holders(key, List.of(publicId)).get(publicId);
        if (assetId == null) {
            throw DarkroomException.notFound("Resource not found - " + publicId);
        }
        return assetId;
    }
}
