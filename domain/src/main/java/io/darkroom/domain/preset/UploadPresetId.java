package io.darkroom.domain.preset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The aggregate id of a cloud's preset name: derived from the two, so that two creates of one name on any node meet in
 * the event store (same aggregate, one sequence) instead of racing past a uniqueness check.
 */
public final class UploadPresetId {
    private UploadPresetId() {
    }

    public static String of(String cloud, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((cloud + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return "up-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
