package io.darkroom.application.cloud;

import java.time.Duration;
import java.util.Map;

/**
 * How long each cloud keeps a deleted asset's bytes in the trash, restorable, before the trash sweeper removes them
 * for good. {@link Duration#ZERO} means deletions remove the bytes at once (nothing to restore).
 */
public final class TrashRetention {
    public static final Duration DEFAULT = Duration.ofDays(30);

    private final Duration fallback;
    private final Map<String, Duration> byCloud;

    public TrashRetention(Duration fallback, Map<String, Duration> byCloud) {
        this.fallback = fallback;
        this.byCloud = Map.copyOf(byCloud);
    }

    public Duration of(String cloud) {
        return byCloud.getOrDefault(cloud, fallback);
    }

    /** Whether a deletion in this cloud keeps the bytes in the trash. */
    public boolean keeps(String cloud) {
        return !of(cloud).isZero();
    }

    /** Every cloud named with its own retention, and the retention of the others. */
    public Map<String, Duration> named() {
        return byCloud;
    }

    public Duration fallback() {
        return fallback;
    }
}
