package io.darkroom.application.derivation;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.transformation.TransformationCatalog;
import io.darkroom.application.transformation.TransformationView;
import io.darkroom.domain.transformation.Component;
import io.darkroom.domain.transformation.ParameterKey;
import io.darkroom.domain.transformation.RegisterTransformation;
import io.darkroom.domain.transformation.Transformation;
import io.darkroom.domain.transformation.TransformationId;

import java.util.ArrayList;
import java.util.List;

/**
 * What derivation needs of the cloud's transformations: {@code t_name} references replaced by their definitions,
 * whether strict transformations let a chain make a new derivative, and registering an unnamed chain on its first use.
 */
public class NamedTransformations {
    private static final int MAX_NAMED_DEPTH = 5;

    private final TransformationCatalog named;
    private final Commands commands;

    public NamedTransformations(TransformationCatalog named, Commands commands) {
        this.named = named;
        this.commands = commands;
    }

    /** The transformation with its named references replaced by their definitions, as a delivery applies it. */
    public Transformation expanded(String cloud, Transformation transformation) {
        return expand(cloud, transformation, 0);
    }

    /** A stored derivative is always served; a new one only for a named or allowed-for-strict chain when strict is on. */
    public boolean allowedForStrict(String cloud, String canonical) {
        return canonical.isEmpty() || isOnlyNamed(canonical)
                || named.find(cloud, canonical).map(TransformationView::allowedForStrict).orElse(false);
    }

    /** An unnamed transformation is registered on its first use, so it is listed and reports {@code used}. */
    public void registerOnFirstUse(String cloud, String canonical) {
        if (!canonical.isEmpty() && !isOnlyNamed(canonical) && named.find(cloud, canonical).isEmpty()) {
            commands.send(new RegisterTransformation(TransformationId.of(cloud, canonical), cloud, Transformation.parse(canonical)));
        }
    }

    /** Named references are checked when derived; their shape here is that of the rest. */
    static Transformation withoutReferences(Transformation transformation) {
        return new Transformation(transformation.components().stream()
                .filter(c -> c.get(ParameterKey.TRANSFORMATION) == null).toList(), transformation.extension());
    }

    private static boolean isOnlyNamed(String canonical) {
        return canonical.startsWith("t_") && canonical.indexOf(',') < 0 && canonical.indexOf('/') < 0;
    }

    /** Components that are only {@code t_name[.name]} are replaced by the named transformations' definitions. */
    private Transformation expand(String cloud, Transformation transformation, int depth) {
        List<Component> components = new ArrayList<>();
        for (Component component : transformation.components()) {
            String names = component.get(ParameterKey.TRANSFORMATION);
            if (names == null) {
                components.add(component);
                continue;
            }
            if (component.parameters().size() != 1 || component.condition() != null || !component.variables().isEmpty()) {
                throw DarkroomException.badRequest("Transformation not supported yet: a named transformation with other parameters in one component");
            }
            if (depth >= MAX_NAMED_DEPTH) {
                throw DarkroomException.badRequest("Named transformations nest deeper than " + MAX_NAMED_DEPTH);
            }
            for (String name : names.split("\\.")) {
                TransformationView view = named.find(cloud, name).filter(TransformationView::named)
                        .orElseThrow(() -> DarkroomException.badRequest("Named transformation " + name + " does not exist"));
                components.addAll(expand(cloud, Transformation.parse(view.definition()), depth + 1).components());
            }
        }
        return new Transformation(components, transformation.extension());
    }
}
