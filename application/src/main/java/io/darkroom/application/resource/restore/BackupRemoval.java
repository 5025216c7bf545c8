package io.darkroom.application.resource.restore;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.PurgeOutcome;
import io.darkroom.domain.resource.PurgeVersions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes chosen stored versions of an asset for good (the SDKs' {@code delete_backed_up_assets}): their bytes are
 * queued for removal, the versions stay in the history, no longer restorable. The current version of a live asset stays.
 */
public class BackupRemoval {
    private final VersionQueries versions;
    private final Commands commands;

    public BackupRemoval(VersionQueries versions, Commands commands) {
        this.versions = versions;
        this.commands = commands;
    }

    /** Each named version's outcome, in the order named; an asset unknown to the cloud is a 404. */
    public Map<String, PurgeOutcome> remove(String cloud, String assetId, List<String> versionIds) {
        if (versionIds == null || versionIds.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - version_ids");
        }
        if (versions.versions(cloud, assetId).isEmpty()) {
            throw DarkroomException.notFound("Resource not found - " + assetId);
        }
        Map<String, PurgeOutcome> outcomes = commands.retrying(() -> commands.send(
                new PurgeVersions(AssetId.of(assetId), CloudName.of(cloud), versionIds, false)));
        return new LinkedHashMap<>(outcomes);
    }
}
