package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.cloud.UploadSignature;
import io.darkroom.application.preset.PresetView;
import io.darkroom.application.preset.UploadPresets;
import io.darkroom.application.support.DarkroomException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks an Upload API call's signature: the cloud's api_key, a SHA-1 or SHA-256 signature over
 * the parameters, and a timestamp no older than an hour (nor more than an hour ahead, against
 * clock skew abuse). An upload may name an upload preset: signed, its settings apply under the call's own parameters;
 * unsigned (no signature), the preset must be marked unsigned and {@link UnsignedUploads} has the last word.
 */
@Component
public class UploadAuthenticator {
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final CloudDirectory clouds;
    private final Clock clock;
    private final AuthenticationThrottle throttle;
    private final UploadPresets presets;
    private final UnsignedUploads unsigned;

    public UploadAuthenticator(CloudDirectory clouds, Clock clock, AuthenticationThrottle throttle, UploadPresets presets,
                               UnsignedUploads unsigned) {
        this.presets = presets;
        this.unsigned = unsigned;
        this.clouds = clouds;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** An upload allowed in: its cloud, and its parameters with the preset's settings under them. */
    public record AuthorizedUpload(Cloud cloud, ApiParameters params) {
    }

    /**
     * Authorizes an upload: signed (then a named preset applies) or unsigned (no signature, and no api_key without a
     * preset either: then a preset must be named, exist and be marked unsigned).
     */
    public AuthorizedUpload authorizeUpload(String cloudName, ApiParameters params) {
        String presetName = params.get("upload_preset");
        boolean signed = params.get("signature") != null || (presetName == null && params.get("api_key") != null);
        if (signed) {
            Cloud cloud = authenticate(cloudName, params);
            if (presetName == null) {
                return new AuthorizedUpload(cloud, params);
            }
            PresetView preset = presets.find(cloud.name(), presetName).orElseThrow(UploadAuthenticator::presetNotFound);
            return new AuthorizedUpload(cloud, params.withDefaults(preset.settings()));
        }
        Cloud cloud = clouds.find(cloudName).orElseThrow(() -> unauthorized("Invalid cloud_name " + cloudName));
        if (presetName == null) {
            throw DarkroomException.badRequest("Upload preset must be specified when using unsigned upload");
        }
        PresetView preset = presets.find(cloud.name(), presetName).orElseThrow(UploadAuthenticator::presetNotFound);
        if (!preset.unsigned()) {
            throw DarkroomException.badRequest("Upload preset must be whitelisted for unsigned uploads");
        }
        unsigned.check(preset, params);
        RequestMetadata.actor("upload_preset:" + preset.name());
        return new AuthorizedUpload(cloud, params.withDefaults(preset.settings()));
    }

    private static DarkroomException presetNotFound() {
        return DarkroomException.badRequest("Upload preset not found");
    }

    /** Checks the signature; failures count towards the client's lock-out ({@link AuthenticationThrottle}). */
    public Cloud authenticate(String cloudName, ApiParameters params) {
        String client = RequestMetadata.clientAddress();
        throttle.lockedOut(client).ifPresent(wait -> {
            throw lockedOut(wait);
        });
        try {
            return check(cloudName, params);
        } catch (DarkroomException e) {
            if (e.kind() == DarkroomException.Kind.UNAUTHORIZED) {
                throttle.failed(client).ifPresent(wait -> {
                    throw lockedOut(wait);
                });
            }
            throw e;
        }
    }

    static DarkroomException lockedOut(java.time.Duration wait) {
        return new DarkroomException(DarkroomException.Kind.LOCKED_OUT, AuthenticationThrottle.refusal(wait));
    }

    private Cloud check(String cloudName, ApiParameters params) {
        Cloud cloud = clouds.find(cloudName).orElseThrow(() -> unauthorized("Invalid cloud_name " + cloudName));
        String signature = params.get("signature");
        String apiKey = params.get("api_key");
        String timestamp = params.get("timestamp");
        if (apiKey == null) {
            throw unauthorized("Must supply api_key");
        }
        if (signature == null || timestamp == null) {
            throw unauthorized("Missing required parameter - " + (signature == null ? "signature" : "timestamp"));
        }
        if (!Credentials.matches(cloud.apiKey(), apiKey)) {
            throw unauthorized("Invalid api_key " + apiKey);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unauthorized("Invalid timestamp " + timestamp);
        }
        long now = clock.instant().getEpochSecond();
        if (now - seconds > VALIDITY.toSeconds()) {
            throw unauthorized("Stale request - reported time is " + seconds + " which is more than 1 hour ago");
        }
        if (seconds - now > VALIDITY.toSeconds()) {
            throw unauthorized("Invalid timestamp " + seconds + ": more than 1 hour in the future");
        }
        if (!UploadSignature.verify(params.raw(), cloud.apiSecret(), signature)) {
            throw unauthorized("Invalid Signature " + signature + ". String to sign - '"
                    + UploadSignature.stringToSign(params.raw(), true) + "'.");
        }
        RequestMetadata.actor(cloud.apiKey());
        return cloud;
    }

    private static DarkroomException unauthorized(String message) {
        return new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, message);
    }
}
