package io.darkroom.application.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Upload API's request signature, as the official SDKs compute it: every parameter but
 * the excluded ones, empty values dropped, lists joined with {@code ,}, sorted by key, joined
 * as {@code k=v&...}, the secret appended, hex SHA-1 (40 chars) or SHA-256 (64 chars).
 * Newer SDKs write {@code &} inside a value as {@code %26}; older ones do not: both are accepted. The Upload Widget adds
 * {@code source=uw} to what an application's server signed, or has it signed: both are accepted (it changes nothing).
 */
public final class UploadSignature {
    private static final Set<String> UNSIGNED = Set.of("file", "cloud_name", "resource_type", "api_key", "signature");

    private UploadSignature() {
    }

    public static String sign(Map<String, List<String>> params, String apiSecret, String algorithm) {
        return digest(algorithm, stringToSign(params, true) + apiSecret);
    }

    /** True when {@code signature} is a valid SHA-1 or SHA-256 signature of {@code params}. */
    public static boolean verify(Map<String, List<String>> params, String apiSecret, String signature) {
        if (signature == null) {
            return false;
        }
        String algorithm = switch (signature.length()) {
            case 40 -> "SHA-1";
            case 64 -> "SHA-256";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        String given = signature.toLowerCase(java.util.Locale.ROOT);
        boolean valid = matches(params, apiSecret, algorithm, given);
        if (params.containsKey("source")) {
            Map<String, List<String>> withoutSource = new java.util.HashMap<>(params);
            withoutSource.remove("source");
            valid |= matches(withoutSource, apiSecret, algorithm, given);
        }
        return valid;
    }

    private static boolean matches(Map<String, List<String>> params, String apiSecret, String algorithm, String given) {
        return Credentials.matches(digest(algorithm, stringToSign(params, true) + apiSecret), given)
                | Credentials.matches(digest(algorithm, stringToSign(params, false) + apiSecret), given);
    }

    /** The text that is signed (without the secret); safe to show in an error. */
    public static String stringToSign(Map<String, List<String>> params, boolean escapeAmpersand) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((rawKey, values) -> {
            String key = rawKey.endsWith("[]") ? rawKey.substring(0, rawKey.length() - 2) : rawKey;
            if (UNSIGNED.contains(key) || values == null) {
                return;
            }
            String joined = String.join(",", values.stream().filter(v -> v != null && !v.isEmpty()).toList());
            if (!joined.isEmpty()) {
                sorted.put(key, escapeAmpersand ? joined.replace("&", "%26") : joined);
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((key, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(key).append('=').append(value);
        });
        return out.toString();
    }

    public static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
