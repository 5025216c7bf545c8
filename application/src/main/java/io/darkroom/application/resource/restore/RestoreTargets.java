package io.darkroom.application.resource.restore;

import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.ResourceKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the ids of a restore call to {@link RestoreTarget}s with a few queries for the whole call (names, trash,
 * versions), checking what the aggregate will check (the version kept, the retention) so that a batch of restores
 * rarely fails part-way.
 */
final class RestoreTargets {
    private final PublicIdClaims claims;
    private final VersionQueries versions;

    RestoreTargets(PublicIdClaims claims, VersionQueries versions) {
        this.claims = claims;
        this.versions = versions;
    }

    /** By name: the trashed asset last called so (or the one owning the named version), else the live holder. */
    List<RestoreTarget> byPublicIds(ResourceKey key, List<String> publicIds, List<String> versionIds, Instant keptSince) {
        Map<String, String> holders = claims.holders(key, publicIds);
        Map<String, List<TrashedAsset>> trash = versions.trashedNamed(key, publicIds);
        Set<String> candidates = new HashSet<>(holders.values());
        trash.values().forEach(list -> list.forEach(t -> candidates.add(t.assetId())));
        Map<String, List<StoredVersion>> stored = versions.versions(key.cloud(), candidates);
        List<RestoreTarget> targets = new ArrayList<>();
        for (int i = 0; i < publicIds.size(); i++) {
            String publicId = publicIds.get(i);
            String versionId = versionIds == null ? null : versionIds.get(i);
            String holder = holders.get(publicId);
            List<TrashedAsset> trashed = trash.getOrDefault(publicId, List.of());
            if (holder == null && trashed.isEmpty()) {
                targets.add(RestoreTarget.refused(publicId, "Resource not found - " + publicId));
            } else if (versionId == null) {
                if (trashed.isEmpty()) {
                    targets.add(RestoreTarget.unchanged(publicId, holder));
                } else if (holder != null) {
                    targets.add(RestoreTarget.refused(publicId, taken(publicId, holder)));
                } else {
                    TrashedAsset latest = trashed.get(0);
                    targets.add(fromTrash(publicId, latest, latest.versionId(), keptSince, stored.getOrDefault(latest.assetId(), List.of())));
                }
            } else {
                targets.add(ofVersion(publicId, versionId, holder, trashed, stored, keptSince));
            }
        }
        return targets;
    }

    /** By asset id: a trashed asset comes back at its version current at deletion (or the one named). */
    List<RestoreTarget> byAssetIds(String cloud, List<String> assetIds, List<String> versionIds, Instant keptSince,
                                   Collection<String> live) {
        Map<String, TrashedAsset> trash = versions.trashed(cloud, assetIds);
        Map<String, List<StoredVersion>> stored = versions.versions(cloud, assetIds);
        List<RestoreTarget> targets = new ArrayList<>();
        for (int i = 0; i < assetIds.size(); i++) {
            String assetId = assetIds.get(i);
            String versionId = versionIds == null ? null : versionIds.get(i);
            TrashedAsset trashed = trash.get(assetId);
            List<StoredVersion> ofAsset = stored.getOrDefault(assetId, List.of());
            if (trashed != null) {
                targets.add(fromTrash(assetId, trashed, versionId == null ? trashed.versionId() : versionId, keptSince, ofAsset));
            } else if (!live.contains(assetId)) {
                targets.add(RestoreTarget.refused(assetId, ofAsset.isEmpty() ? "Resource not found - " + assetId
                        : "No backup found for asset " + assetId + ": its bytes were removed"));
            } else if (versionId == null || current(ofAsset).filter(versionId::equals).isPresent()) {
                targets.add(RestoreTarget.unchanged(assetId, assetId));
            } else {
                targets.add(liveVersion(assetId, assetId, versionId, ofAsset));
            }
        }
        return targets;
    }

    private RestoreTarget ofVersion(String publicId, String versionId, String holder, List<TrashedAsset> trashed,
                                    Map<String, List<StoredVersion>> stored, Instant keptSince) {
        if (holder != null && owns(stored.get(holder), versionId)) {
            return current(stored.get(holder)).filter(versionId::equals).isPresent()
                    ? RestoreTarget.unchanged(publicId, holder) : liveVersion(publicId, holder, versionId, stored.get(holder));
        }
        for (TrashedAsset t : trashed) {
            if (owns(stored.get(t.assetId()), versionId)) {
                return holder != null ? RestoreTarget.refused(publicId, taken(publicId, holder))
                        : fromTrash(publicId, t, versionId, keptSince, stored.get(t.assetId()));
            }
        }
        return RestoreTarget.refused(publicId, "No backup found for version " + versionId + " of " + publicId);
    }

    private RestoreTarget fromTrash(String id, TrashedAsset trashed, String versionId, Instant keptSince,
                                    List<StoredVersion> ofAsset) {
        if (trashed.deletedAt().isBefore(keptSince)) {
            return RestoreTarget.refused(id, "The backup of " + trashed.publicId()
                    + " is gone: its trash retention has passed (deleted " + trashed.deletedAt() + ")");
        }
        Optional<StoredVersion> version = ofAsset.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
        if (version.isEmpty()) {
            return RestoreTarget.refused(id, "No backup found for version " + versionId + " of " + trashed.publicId());
        }
        if (!version.get().restorable()) {
            return RestoreTarget.refused(id, "The backup of version " + versionId + " of " + trashed.publicId() + " was deleted");
        }
        return new RestoreTarget(id, trashed.assetId(), trashed.publicId(), versionId, true, null);
    }

    private static RestoreTarget liveVersion(String id, String assetId, String versionId, List<StoredVersion> ofAsset) {
        Optional<StoredVersion> version = ofAsset.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
        if (version.isEmpty()) {
            return RestoreTarget.refused(id, "No backup found for version " + versionId + " of " + id);
        }
        if (!version.get().restorable()) {
            return RestoreTarget.refused(id, "The backup of version " + versionId + " of " + id + " was deleted");
        }
        return new RestoreTarget(id, assetId, null, versionId, false, null);
    }

    private static boolean owns(List<StoredVersion> ofAsset, String versionId) {
        return ofAsset != null && ofAsset.stream().anyMatch(v -> v.versionId().equals(versionId));
    }

    private static Optional<String> current(List<StoredVersion> ofAsset) {
        return ofAsset.stream().filter(StoredVersion::current).map(StoredVersion::versionId).findFirst();
    }

    static String taken(String publicId, String holder) {
        return "The name " + publicId + " is taken by another asset (" + holder + "): rename or delete it first";
    }
}
