package io.darkroom.application.support;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable identifiers from a {@link SecureRandom}. Thread-safe. */
public final class RandomIds implements IdGenerator {
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String hex32() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String lowerAlphanumeric(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = LOWER_ALNUM[random.nextInt(LOWER_ALNUM.length)];
        }
        return new String(out);
    }
}
