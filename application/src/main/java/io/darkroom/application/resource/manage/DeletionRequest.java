package io.darkroom.application.resource.manage;

import io.darkroom.application.resource.ResourceKey;

import java.util.List;

/**
 * A bulk delete: exactly one of {@code publicIds}, {@code prefix}, {@code all} or {@code tag}.
 * {@code type} is null for deletes by tag (every type). {@code keepOriginal} deletes only derived media;
 * {@code transformations} (not null) only the derived media made with them, originals kept.
 */
public record DeletionRequest(String cloud, String resourceType, String type, List<String> publicIds, String prefix,
                              boolean all, String tag, boolean keepOriginal, String nextCursor,
                              List<io.darkroom.domain.transformation.Transformation> transformations) {
    /** Where the named public ids are unique (its {@code type} is null for deletes by tag). */
    public ResourceKey key() {
        return new ResourceKey(cloud, resourceType, type);
    }

    public boolean onlyDerived() {
        return keepOriginal || transformations != null;
    }
}
