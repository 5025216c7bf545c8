package io.darkroom.application.usage;

/**
 * What one cloud's day changed: stocks as differences (resources, derived resources, storage bytes),
 * flows as amounts (delivered bytes and requests, derivations made, Admin API calls).
 */
public record UsageDelta(long resources, long derived, long storageBytes, long bandwidthBytes, long requests, long transformations,
                         long adminCalls) {
    public static final UsageDelta NONE = new UsageDelta(0, 0, 0, 0, 0, 0, 0);

    public UsageDelta plus(UsageDelta other) {
        return new UsageDelta(resources + other.resources, derived + other.derived, storageBytes + other.storageBytes,
                bandwidthBytes + other.bandwidthBytes, requests + other.requests, transformations + other.transformations,
                adminCalls + other.adminCalls);
    }

    static UsageDelta storage(long resources, long derived, long bytes) {
        return new UsageDelta(resources, derived, bytes, 0, 0, 0, 0);
    }
}
