package io.darkroom.application.resource.manage;

import java.util.Map;

/**
 * What one bulk-delete call did: each public id {@code deleted} or {@code not_found}, with the
 * originals and derived media removed per id; {@code nextCursor} non-null (and {@code partial})
 * when more resources match than one call deletes.
 */
public record DeletionResult(Map<String, String> deleted, Map<String, Counts> counts, String nextCursor) {
    public record Counts(int original, int derived) {
    }

    public boolean partial() {
        return nextCursor != null;
    }
}
