package io.darkroom.domain.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The stored versions of one asset, in upload order, with their sizes: which one is current and
 * which have had their bytes removed for good (purged). Part of the {@link Resource} aggregate's
 * state (and so of its snapshots): plain fields, no framework.
 */
final class VersionHistory {
    /** Version id to its size in bytes, oldest first. */
    private final LinkedHashMap<String, Long> sizes = new LinkedHashMap<>();
    private final Set<String> purged = new HashSet<>();
    private String current;

    void added(String versionId, long bytes) {
        sizes.put(versionId, bytes);
        current = versionId;
    }

    void madeCurrent(String versionId) {
        current = versionId;
    }

    void purged(Collection<String> versionIds) {
        purged.addAll(versionIds);
    }

    String current() {
        return current;
    }

    boolean knows(String versionId) {
        return sizes.containsKey(versionId);
    }

    boolean kept(String versionId) {
        return knows(versionId) && !purged.contains(versionId);
    }

    /** The versions whose bytes are still stored, oldest first. */
    List<String> kept() {
        List<String> kept = new ArrayList<>();
        sizes.keySet().forEach(id -> {
            if (!purged.contains(id)) {
                kept.add(id);
            }
        });
        return kept;
    }

    long bytesOf(Collection<String> versionIds) {
        return versionIds.stream().mapToLong(id -> sizes.getOrDefault(id, 0L)).sum();
    }
}
