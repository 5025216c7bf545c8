package io.darkroom.application.support;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable identifiers: asset ids, version ids and generated public ids. Thread-safe. */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RandomIds() {
    }

    /** 32 lowercase hex characters (128 random bits). */
    public static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code length} random lowercase letters and digits, as Cloudinary's generated public ids. */
    public static String lowerAlphanumeric(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = LOWER_ALNUM[RANDOM.nextInt(LOWER_ALNUM.length)];
        }
        return new String(out);
    }
}
