package io.darkroom.application.derivation;

import io.darkroom.application.resource.manage.ResourceDerivatives;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.DeleteDerivedResources;
import io.darkroom.domain.transformation.Transformation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The derived files already made: listed per asset and per transformation, and deleted (one unit of work per asset). */
public class DerivedResources implements ResourceDerivatives {
    private final DerivedResourceCatalog catalog;
    private final Commands commands;

    public DerivedResources(DerivedResourceCatalog catalog, Commands commands) {
        this.catalog = catalog;
        this.commands = commands;
    }

    /** Deletes the cloud's derived files among {@code derivedIds}; answers each id as {@code deleted} or {@code not_found}. */
    public Map<String, String> delete(String cloud, List<String> derivedIds) {
        Map<String, String> result = new LinkedHashMap<>();
        derivedIds.forEach(id -> result.put(id, "not_found"));
        deleteGrouped(cloud, catalog.findAll(derivedIds)).values().forEach(ids -> ids.forEach(id -> result.put(id, "deleted")));
        return result;
    }

    @Override
    public Map<String, Integer> deleteOf(String cloud, Collection<String> assetIds, List<Transformation> only) {
        Map<String, String> formats = new HashMap<>();
        if (only != null) {
            // chain -> the format it asks for ("" when any), computed once rather than per derived file
            only.forEach(t -> formats.put(t.chain(), t.extension() == null ? "" : t.extension()));
        }
        List<DerivedResource> chosen = catalog.ofAssets(assetIds).stream().filter(d -> only == null
                || (formats.containsKey(d.transformation())
                && (formats.get(d.transformation()).isEmpty() || formats.get(d.transformation()).equals(d.format())))).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        deleteGrouped(cloud, chosen).forEach((assetId, ids) -> counts.put(assetId, ids.size()));
        return counts;
    }

    @Override
    public Map<String, Integer> countsOf(Collection<String> assetIds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        catalog.ofAssets(assetIds).forEach(d -> counts.merge(d.assetId(), 1, Integer::sum));
        return counts;
    }

    /** Which of {@code transformations} (as URLs name them: {@code t_name} for a named one) have derived files. */
    public Set<String> usedAmong(String cloud, Collection<String> transformations) {
        return catalog.usedAmong(cloud, transformations);
    }

    /** Derived files made with {@code transformation} (as URLs name it), up to {@code limit}. */
    public List<DerivedResource> madeWith(String cloud, String transformation, int limit) {
        return catalog.ofTransformation(cloud, transformation, limit);
    }

    /** The asset's derived files after {@code afterId} (null: from the first), up to {@code limit}, in id order. */
    public List<DerivedResource> derivedOf(String assetId, String afterId, int limit) {
        return catalog.ofAsset(assetId, afterId, limit);
    }

    /** One {@code DeleteDerivedResources} per asset of the cloud; the ids deleted per asset. */
    private Map<String, List<String>> deleteGrouped(String cloud, List<DerivedResource> derived) {
        Map<String, List<String>> byAsset = new LinkedHashMap<>();
        for (DerivedResource d : derived) {
            if (d.cloud().equals(cloud)) {
                byAsset.computeIfAbsent(d.assetId(), k -> new ArrayList<>()).add(d.derivedId());
            }
        }
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        byAsset.forEach((assetId, ids) -> {
            try {
                deleted.put(assetId, commands.retrying(() -> commands.send(
                        new DeleteDerivedResources(AssetId.of(assetId), CloudName.of(cloud), ids))));
            } catch (DarkroomException gone) {
                // the resource was deleted meanwhile: its derived files went with it
            }
        });
        return deleted;
    }
}
