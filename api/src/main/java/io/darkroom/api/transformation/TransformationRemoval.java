package io.darkroom.api.transformation;

import io.darkroom.application.derivation.DerivedResource;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.transformation.TransformationView;
import io.darkroom.application.transformation.Transformations;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Deletes a transformation and the derived files made with it, up to {@value #MAX_DERIVED_DELETED}; with more, nothing
 * is deleted and the answer says to delete them first. The Admin API and the Media Optimizer API delete the same way.
 */
@Component
public class TransformationRemoval {
    static final int MAX_DERIVED_DELETED = 1000;

    private final Transformations transformations;
    private final DerivedResources derivedResources;

    public TransformationRemoval(Transformations transformations, DerivedResources derivedResources) {
        this.transformations = transformations;
        this.derivedResources = derivedResources;
    }

    public void delete(String cloud, String addressed) {
        TransformationView view = transformations.details(cloud, addressed);
        List<String> derived = derivedResources.madeWith(cloud, urlName(view), MAX_DERIVED_DELETED + 1).stream()
                .map(DerivedResource::derivedId).toList();
        if (derived.size() > MAX_DERIVED_DELETED) {
            throw DarkroomException.badRequest("Transformation " + urlName(view) + " has more than " + MAX_DERIVED_DELETED
                    + " derived resources; delete them first (delete_derived_by_transformation or delete_derived_resources)");
        }
        if (!derived.isEmpty()) {
            derivedResources.delete(cloud, derived);
        }
        transformations.delete(cloud, addressed);
    }

    /** How delivery URLs name it: {@code t_name} for a named transformation, the canonical string otherwise. */
    public static String urlName(TransformationView view) {
        return view.named() ? "t_" + view.name() : view.name();
    }
}
