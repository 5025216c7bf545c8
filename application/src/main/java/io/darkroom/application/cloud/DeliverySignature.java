package io.darkroom.application.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The signature of a delivery URL as the SDKs write it ({@code s--XXXXXXXX--}): the first 8
 * characters of URL-safe Base64 of SHA-1 (or of SHA-256 when the SDK is configured so) over
 * {@code <transformation>/<public_id>[.<format>]} followed by the API secret; long signatures
 * ({@code long_url_signature}) are 32 characters of SHA-256. The version is not signed.
 */
public final class DeliverySignature {
    private DeliverySignature() {
    }

    /** The part of a delivery path that is signed: transformation and source, slashes merged, no leading one. */
    public static String signedPart(String transformation, String source) {
        String joined = (transformation == null || transformation.isEmpty() ? "" : transformation + "/") + source;
        return joined.replaceAll("/{2,}", "/").replaceFirst("^/+", "");
    }

    /** Whether {@code signature} (the text between {@code s--} and {@code --}) signs {@code signedPart} with {@code apiSecret}. */
    public static boolean verify(String signature, String signedPart, String apiSecret) {
        if (signature == null) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        return switch (signature.length()) {
            case 8 -> MessageDigest.isEqual(given, sign("SHA-1", signedPart, apiSecret, 8))
                    | MessageDigest.isEqual(given, sign("SHA-256", signedPart, apiSecret, 8));
            case 32 -> MessageDigest.isEqual(given, sign("SHA-256", signedPart, apiSecret, 32));
            default -> false;
        };
    }

    public static String sign(String signedPart, String apiSecret) {
        return new String(sign("SHA-1", signedPart, apiSecret, 8), StandardCharsets.US_ASCII);
    }

    private static byte[] sign(String algorithm, String signedPart, String apiSecret, int length) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest((signedPart + apiSecret).getBytes(StandardCharsets.UTF_8));
            String encoded = Base64.getUrlEncoder().encodeToString(digest);
            return encoded.substring(0, length).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
