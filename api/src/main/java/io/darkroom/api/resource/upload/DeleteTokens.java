package io.darkroom.api.resource.upload;

import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.support.DarkroomException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code delete_token} of {@code return_delete_token}: lets whoever uploaded (a browser, with no secret) delete that
 * asset for 10 minutes. Stateless, so any node checks it without a lookup: the asset id and the upload's time, with an
 * HMAC-SHA-256 over both keyed by the cloud's secret (a token cannot be made or altered without the secret).
 */
public class DeleteTokens {
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;

    public DeleteTokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(Cloud cloud, String assetId) {
        String claim = assetId + ":" + clock.instant().getEpochSecond();
        return ENCODER.encodeToString(claim.getBytes(StandardCharsets.US_ASCII)) + "." + mac(cloud, claim);
    }

    /** The asset id a valid token names; a 400 for one that was altered, not made by this cloud, or is stale. */
    public String assetId(Cloud cloud, String token) {
        if (token == null || token.isBlank()) {
            throw DarkroomException.badRequest("Missing required parameter - token");
        }
        int dot = token.indexOf('.');
        String claim;
        try {
            claim = dot < 0 ? "" : new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            claim = "";
        }
        int colon = claim.indexOf(':');
        if (colon < 0 || !MessageDigest.isEqual(mac(cloud, claim).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw DarkroomException.badRequest("Invalid token");
        }
        long issued = Long.parseLong(claim.substring(colon + 1));
        if (clock.instant().getEpochSecond() - issued > VALIDITY.toSeconds()) {
            throw DarkroomException.badRequest("Stale token: a delete token deletes its asset within "
                    + VALIDITY.toMinutes() + " minutes of the upload");
        }
        return claim.substring(0, colon);
    }

    private static String mac(Cloud cloud, String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("delete-token:" + cloud.apiSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((cloud.name() + "|" + claim).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
