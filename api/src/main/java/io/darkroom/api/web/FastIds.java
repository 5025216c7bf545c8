package io.darkroom.api.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from {@link ThreadLocalRandom}. {@code UUID.randomUUID()} reads the
 * operating system's generator under one global lock, which became the contention point of
 * the write path at 32 concurrent requests. Request and message ids need uniqueness, not
 * secrecy, and 122 random bits give that; secrets and asset ids still use SecureRandom.
 */
public final class FastIds {
    private FastIds() {
    }

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
