package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.preset.PresetView;
import io.darkroom.application.preset.UnsignedUploadLimiter;
import io.darkroom.application.support.DarkroomException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of uploads without a signature, which anyone may send: only the parameters Cloudinary takes unsigned (the rest
 * belong on the preset, where only the cloud's owner sets them), no {@code public_id} where the preset disallows it, and
 * hourly allowances per preset and per client address (the forwarded address behind trusted proxies).
 */
public class UnsignedUploads {
    /** What an unsigned call may send: Cloudinary's list, plus what the SDKs and the Upload Widget add on their own. */
    static final Set<String> ALLOWED = Set.of("file", "upload_preset", "public_id", "folder", "asset_folder", "display_name",
            "public_id_prefix", "callback", "tags", "context", "metadata", "face_coordinates", "custom_coordinates", "regions",
            "source", "filename_override", "api_key", "timestamp", "cloud_name", "resource_type");

    private final UnsignedUploadLimiter limiter;
    private final Clock clock;
    private final int perPreset;
    private final int perAddress;

    public UnsignedUploads(UnsignedUploadLimiter limiter, Clock clock, int perPreset, int perAddress) {
        this.limiter = limiter;
        this.clock = clock;
        this.perPreset = perPreset;
        this.perAddress = perAddress;
    }

    /** Refuses what an unsigned call may not do with {@code preset}, then counts it (420 past an allowance). */
    public void check(PresetView preset, ApiParameters params) {
        List<String> refused = params.raw().keySet().stream()
                .filter(key -> !ALLOWED.contains(key.endsWith("[]") ? key.substring(0, key.length() - 2) : key))
                .sorted().toList();
        if (!refused.isEmpty()) {
            throw DarkroomException.badRequest("Unsigned uploads may not set " + String.join(", ", refused)
                    + ": set them on the upload preset " + preset.name() + ", or sign the upload");
        }
        if (preset.disallowPublicId() && params.get("public_id") != null) {
            throw DarkroomException.badRequest("public_id is not allowed by upload preset " + preset.name());
        }
        String presetScope = "preset|" + preset.cloud() + "|" + preset.name();
        Map<String, Integer> allowances = new LinkedHashMap<>();
        allowances.put(presetScope, perPreset);
        allowances.put("address|" + preset.cloud() + "|" + RequestMetadata.clientAddress(), perAddress);
        limiter.consume(allowances, clock.instant()).ifPresent(exceeded -> {
            throw new DarkroomException(DarkroomException.Kind.RATE_LIMITED, exceeded.equals(presetScope)
                    ? "Rate Limit Exceeded. Limit of " + perPreset + " unsigned uploads per hour through upload preset "
                    + preset.name() + " reached"
                    : "Rate Limit Exceeded. Limit of " + perAddress + " unsigned uploads per hour from one address reached");
        });
    }
}
