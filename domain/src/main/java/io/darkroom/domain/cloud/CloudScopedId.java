package io.darkroom.domain.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The aggregate id of something a cloud names (a transformation, an upload preset): derived from the cloud and the name,
 * so that two creates of one name on any node meet in the event store (same aggregate, one sequence) instead of racing past
 * a uniqueness check.
 */
public final class CloudScopedId {
    private CloudScopedId() {
    }

    /** {@code prefix} and the SHA-256 of cloud and name, in hex. */
    public static String of(String prefix, String cloud, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((cloud + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
