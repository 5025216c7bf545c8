package io.darkroom.api.resource.restore;

import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.UploadSignature;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.restore.StoredVersion;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.VersionQueries;
import io.darkroom.application.support.DarkroomException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versions of assets as Cloudinary shows them ({@code versions=true} on details: {@code version_id},
 * {@code version}, {@code format}, {@code size}, {@code time}, {@code restorable}), the placeholder that details of a
 * trashed name answer, and signed {@code download_backup} links to a version's bytes.
 */
public class VersionsJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final VersionQueries versions;
    private final Clock clock;

    public VersionsJson(VersionQueries versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** The asset's versions, oldest first. */
    public List<Map<String, Object>> of(String cloud, String assetId) {
        return versions.versions(cloud, assetId).stream().map(VersionsJson::render).toList();
    }

    /**
     * Details of a name no live asset holds but a trashed one did (the latest): {@code placeholder} true and
     * {@code bytes} 0, as Cloudinary answers for a deleted asset with a backup, and the versions of every trashed asset
     * that had the name, oldest first. A name never used is a 404.
     */
    public Map<String, Object> placeholder(ResourceKey key, String publicId) {
        List<TrashedAsset> trashed = versions.trashedNamed(key, List.of(publicId)).getOrDefault(publicId, List.of());
        if (trashed.isEmpty()) {
            throw DarkroomException.notFound("Resource not found - " + publicId);
        }
        TrashedAsset latest = trashed.get(0);
        Map<String, List<StoredVersion>> stored = versions.versions(key.cloud(), trashed.stream().map(TrashedAsset::assetId).toList());
        StoredVersion current = stored.getOrDefault(latest.assetId(), List.of()).stream()
                .filter(v -> v.versionId().equals(latest.versionId())).findFirst().orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asset_id", latest.assetId());
        json.put("public_id", publicId);
        json.put("format", current == null ? "" : current.format());
        json.put("version", current == null ? 0 : current.version());
        json.put("resource_type", key.resourceType());
        json.put("type", key.type());
        json.put("bytes", 0);
        json.put("placeholder", true);
        json.put("status", "deleted");
        json.put("deleted_at", TIME.format(latest.deletedAt()));
        List<StoredVersion> all = new ArrayList<>();
        stored.values().forEach(all::addAll);
        all.sort(Comparator.comparing(StoredVersion::uploadedAt).thenComparing(StoredVersion::version));
        json.put("versions", all.stream().map(VersionsJson::render).toList());
        return json;
    }

    static Map<String, Object> render(StoredVersion v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version_id", v.versionId());
        json.put("version", v.version());
        json.put("format", v.format());
        json.put("size", v.bytes());
        json.put("bytes", v.bytes());
        json.put("time", TIME.format(v.uploadedAt()));
        json.put("restorable", v.restorable());
        json.put("current", v.current());
        return json;
    }

    /** A {@code download_backup} URL signed with the cloud's secret, valid for an hour (as the SDKs build it). */
    public String downloadUrl(Cloud cloud, String assetId, String versionId) {
        Map<String, List<String>> params = new TreeMap<>();
        params.put("asset_id", List.of(assetId));
        params.put("version_id", List.of(versionId));
        params.put("timestamp", List.of(String.valueOf(clock.instant().getEpochSecond())));
        String signature = UploadSignature.sign(params, cloud.apiSecret(), "SHA-256");
        StringBuilder url = new StringBuilder(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString())
                .append("/v1_1/").append(cloud.name()).append("/download_backup?");
        params.forEach((name, values) -> url.append(name).append('=').append(encode(values.get(0))).append('&'));
        return url.append("api_key=").append(encode(cloud.apiKey())).append("&signature=").append(signature).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
