package io.darkroom.application.resource.manage;

import io.darkroom.domain.transformation.Transformation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The derived files of resources, as bulk deletion needs them (implemented by derivation, which depends on resources,
 * not the other way round): counted, and deleted on their own when the originals are kept.
 */
public interface ResourceDerivatives {
    /**
     * Deletes the derived files of {@code assetIds}, only those made with one of {@code only} when it is not null (a
     * transformation with an extension matches that format only); the number deleted per asset.
     */
    Map<String, Integer> deleteOf(String cloud, Collection<String> assetIds, List<Transformation> only);

    /** How many derived files each of {@code assetIds} has (absent: none). */
    Map<String, Integer> countsOf(Collection<String> assetIds);
}
