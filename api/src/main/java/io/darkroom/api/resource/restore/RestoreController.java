package io.darkroom.api.resource.restore;

import io.darkroom.api.resource.upload.UploadAuthenticator;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.resource.wire.ResourceKeys;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.restore.BackupRemoval;
import io.darkroom.application.resource.restore.ResourceRestorer;
import io.darkroom.application.resource.restore.RestoreResult;
import io.darkroom.application.resource.restore.StoredVersion;
import io.darkroom.application.resource.restore.VersionQueries;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.PurgeOutcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores as the SDKs send them ({@code restore}: public ids and optional versions, form or JSON;
 * {@code restoreByAssetIds}), answered per id with the resource or {@code {"error": ...}}; the removal of chosen
 * versions ({@code delete_backed_up_assets}); and the signed download of a stored version ({@code download_backup}).
 */
@RestController
public class RestoreController {
    private final ResourceRestorer restorer;
    private final BackupRemoval removal;
    private final VersionQueries versions;
    private final ResourceJson json;
    private final UploadAuthenticator authenticator;
    private final BlobStore blobs;

    public RestoreController(ResourceRestorer restorer, BackupRemoval removal, VersionQueries versions, ResourceJson json,
                             UploadAuthenticator authenticator, BlobStore blobs) {
        this.restorer = restorer;
        this.removal = removal;
        this.versions = versions;
        this.json = json;
        this.authenticator = authenticator;
        this.blobs = blobs;
    }

    @PostMapping("/v1_1/{cloud}/resources/{resourceType}/{type}/restore")
    Map<String, Object> restore(@PathVariable String cloud, @PathVariable String resourceType, @PathVariable String type,
                                HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        ResourceKey key = ResourceKeys.fromWire(cloud, resourceType, type);
        List<String> publicIds = names(params, "public_ids");
        return answer(restorer.restoreByPublicIds(key, publicIds, versionsOf(params)));
    }

    @PostMapping("/v1_1/{cloud}/resources/restore")
    Map<String, Object> restoreByAssetIds(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> assetIds = names(params, "asset_ids");
        if (assetIds != null) {
            assetIds = assetIds.stream().map(id -> AssetId.of(id).value()).toList();
        }
        return answer(restorer.restoreByAssetIds(cloud, assetIds, versionsOf(params)));
    }

    /** {@code version_ids[]}: the Java SDK joins several with {@code &} into one value; commas are accepted too. */
    @DeleteMapping("/v1_1/{cloud}/resources/backup/{assetId}")
    Map<String, Object> deleteBackup(@PathVariable String cloud, @PathVariable String assetId, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        List<String> named = params.list("version_ids");
        List<String> versionIds = named == null ? null
                : named.stream().flatMap(v -> Arrays.stream(v.split("&"))).map(String::strip).filter(v -> !v.isEmpty()).toList();
        String id = AssetId.of(assetId).value();
        Map<String, PurgeOutcome> outcomes = removal.remove(cloud, id, versionIds);
        List<String> deleted = new ArrayList<>();
        List<Map<String, String>> failed = new ArrayList<>();
        outcomes.forEach((versionId, outcome) -> {
            if (outcome == PurgeOutcome.PURGED) {
                deleted.add(versionId);
            } else {
                failed.add(Map.of("version_id", versionId, "error", outcome.message()));
            }
        });
        if (deleted.isEmpty()) {
            throw DarkroomException.badRequest("No version deleted: " + failed.get(0).get("version_id") + ": " + failed.get(0).get("error"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset_id", id);
        body.put("deleted_version_ids", deleted);
        if (!failed.isEmpty()) {
            body.put("failed", failed);
        }
        return body;
    }

    /**
     * A stored version's bytes, with a URL signed as the SDKs' {@code download_backup} signs it (valid an hour). The Java
     * SDK puts a resource type in the path, the reference does not: both are served.
     */
    @GetMapping({"/v1_1/{cloud}/download_backup", "/v1_1/{cloud}/{resourceType:image|video|raw|auto}/download_backup"})
    ResponseEntity<InputStreamResource> download(@PathVariable String cloud, HttpServletRequest request) throws IOException {
        ApiParameters params = ApiParameters.of(request);
        authenticator.authenticate(cloud, params);
        String assetId = params.get("asset_id");
        String versionId = params.get("version_id");
        if (assetId == null || versionId == null) {
            throw DarkroomException.badRequest("Missing required parameter - " + (assetId == null ? "asset_id" : "version_id"));
        }
        StoredVersion version = versions.versions(cloud, AssetId.of(assetId).value()).stream()
                .filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> DarkroomException.notFound("No backup found for version " + versionId + " of asset " + assetId));
        if (!version.restorable()) {
            throw DarkroomException.notFound("The backup of version " + versionId + " of asset " + assetId + " was deleted");
        }
        InputStream bytes = blobs.open(BlobStore.keyOf(cloud, versionId))
                .orElseThrow(() -> DarkroomException.notFound("No backup found for version " + versionId + " of asset " + assetId));
        MediaType type = MediaTypeFactory.getMediaType("f." + version.format()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).contentLength(version.bytes()).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(versionId + (version.format().isEmpty() ? "" : "." + version.format())).build().toString())
                .body(new InputStreamResource(bytes));
    }

    private static List<String> names(ApiParameters params, String name) {
        List<String> raw = params.raw().containsKey(name + "[]") ? params.raw().get(name + "[]") : params.raw().get(name);
        // a public id may hold a comma only when sent as a list item of its own; a single value is a comma list
        return raw == null ? null : raw.size() == 1 ? params.list(name) : raw.stream().filter(v -> !v.isBlank()).toList();
    }

    private static List<String> versionsOf(ApiParameters params) {
        List<String> versions = params.list("versions");
        return versions == null || versions.isEmpty() ? null : versions;
    }

    private Map<String, Object> answer(RestoreResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String id : result.ids()) {
            if (result.resources().containsKey(id)) {
                body.put(id, json.details(result.resources().get(id), ResourceAnalysis.NONE, ResourceJson.Extras.NONE));
            } else {
                body.put(id, Map.of("error", result.errors().get(id)));
            }
        }
        return body;
    }
}
