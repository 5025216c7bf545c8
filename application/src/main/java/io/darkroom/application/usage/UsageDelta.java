package io.darkroom.application.usage;

/**
 * What one cloud's day changed: stocks as differences (resources, derived resources, storage bytes, and the part of
 * those bytes held by trashed assets), flows as amounts (delivered bytes and requests, derivations made, Admin API calls).
 */
public record UsageDelta(long resources, long derived, long storageBytes, long bandwidthBytes, long requests, long transformations,
                         long adminCalls, long trashBytes) {
    public static final UsageDelta NONE = new UsageDelta(0, 0, 0, 0, 0, 0, 0, 0);

    public UsageDelta plus(UsageDelta other) {
        return new UsageDelta(resources + other.resources, derived + other.derived, storageBytes + other.storageBytes,
                bandwidthBytes + other.bandwidthBytes, requests + other.requests, transformations + other.transformations,
                adminCalls + other.adminCalls, trashBytes + other.trashBytes);
    }

    static UsageDelta storage(long resources, long derived, long bytes) {
        return new UsageDelta(resources, derived, bytes, 0, 0, 0, 0, 0);
    }

    static UsageDelta trash(long resources, long derived, long bytes, long trashBytes) {
        return new UsageDelta(resources, derived, bytes, 0, 0, 0, 0, trashBytes);
    }
}
