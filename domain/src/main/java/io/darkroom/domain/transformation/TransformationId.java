package io.darkroom.domain.transformation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The aggregate id of a cloud's transformation name: derived from the two, so that a second create
 * of one name on any node meets the first in the event store (same aggregate) instead of a set check.
 */
public final class TransformationId {
    private TransformationId() {
    }

    public static String of(String cloud, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((cloud + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return "tr-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
