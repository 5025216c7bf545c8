package io.darkroom.application.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time comparison of credentials, so response timing tells nothing about a secret. */
public final class Credentials {
    private Credentials() {
    }

    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
