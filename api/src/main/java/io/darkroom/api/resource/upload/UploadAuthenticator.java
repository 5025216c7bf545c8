package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.cloud.UploadSignature;
import io.darkroom.application.support.DarkroomException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks an Upload API call's signature: the cloud's api_key, a SHA-1 or SHA-256 signature over
 * the parameters, and a timestamp no older than an hour (nor more than an hour ahead, against
 * clock skew abuse). Unsigned uploads need upload presets, which Darkroom does not have yet.
 */
@Component
public class UploadAuthenticator {
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final CloudDirectory clouds;
    private final Clock clock;
    private final AuthenticationThrottle throttle;

    public UploadAuthenticator(CloudDirectory clouds, Clock clock, AuthenticationThrottle throttle) {
        this.clouds = clouds;
        this.clock = clock;
        this.throttle = throttle;
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
        if (signature == null && params.get("upload_preset") != null) {
            throw DarkroomException.badRequest("Upload preset not found: unsigned uploads are not supported yet");
        }
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
