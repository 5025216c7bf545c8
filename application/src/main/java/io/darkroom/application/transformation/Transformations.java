package io.darkroom.application.transformation;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.Page;
import io.darkroom.domain.transformation.CreateTransformation;
import io.darkroom.domain.transformation.DeleteTransformation;
import io.darkroom.domain.transformation.Transformation;
import io.darkroom.domain.transformation.TransformationId;
import io.darkroom.domain.transformation.UpdateTransformation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Admin API's transformation calls. A transformation is addressed by a name or by its
 * parameters in any order: a name is looked up as given, parameters by their canonical form.
 * Derived media do not exist yet, so no transformation is {@code used}.
 */
public class Transformations {
    public static final int MAX_PAGE = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final Commands commands;
    private final TransformationCatalog catalog;
    private final CursorCodec cursors;

    public Transformations(Commands commands, TransformationCatalog catalog, CursorCodec cursors) {
        this.commands = commands;
        this.catalog = catalog;
        this.cursors = cursors;
    }

    /** Creates a named transformation; 409 when the name is taken, 400 when it refers to one that does not exist. */
    public void create(String cloud, String name, String definitionText) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DarkroomException.badRequest("Invalid transformation name " + name
                    + " (1 to 200 letters, digits, '_' or '-')");
        }
        if (Transformation.looksLikeParameters(name)) {
            throw DarkroomException.badRequest("Invalid transformation name " + name + ": it reads as a transformation");
        }
        if (definitionText == null) {
            throw DarkroomException.badRequest("Missing required parameter - transformation");
        }
        Transformation definition = Transformation.parse(definitionText);
        requireNamedReferencesExist(cloud, definition, name);
        commands.retrying(() -> commands.send(new CreateTransformation(TransformationId.of(cloud, name), cloud, name, true,
                definition, false)));
    }

    /** {@code allowed_for_strict} and (named only) {@code unsafe_update}; either may be null. */
    public void update(String cloud, String nameOrDefinition, Boolean allowedForStrict, String unsafeUpdate) {
        if (allowedForStrict == null && unsafeUpdate == null) {
            throw DarkroomException.badRequest("Missing required parameter - allowed_for_strict or unsafe_update");
        }
        TransformationView current = details(cloud, nameOrDefinition);
        Transformation definition = unsafeUpdate == null ? null : Transformation.parse(unsafeUpdate);
        if (definition != null) {
            requireNamedReferencesExist(cloud, definition, current.name());
        }
        commands.retrying(() -> commands.send(new UpdateTransformation(TransformationId.of(cloud, current.name()), cloud,
                allowedForStrict, definition)));
    }

    public void delete(String cloud, String nameOrDefinition) {
        TransformationView current = details(cloud, nameOrDefinition);
        commands.retrying(() -> commands.send(new DeleteTransformation(TransformationId.of(cloud, current.name()), cloud)));
    }

    /** By name as given, else by the canonical form of the parameters; 404 when neither is known. */
    public TransformationView details(String cloud, String nameOrDefinition) {
        if (nameOrDefinition == null || nameOrDefinition.isBlank()) {
            throw DarkroomException.badRequest("Missing required parameter - transformation");
        }
        Optional<TransformationView> byName = nameOrDefinition.length() <= 200
                ? catalog.find(cloud, nameOrDefinition) : Optional.empty();
        if (byName.isPresent()) {
            return byName.get();
        }
        if (nameOrDefinition.startsWith("t_") && nameOrDefinition.indexOf('.') < 0) {
            // as the listing shows a named transformation
            Optional<TransformationView> named = catalog.find(cloud, nameOrDefinition.substring(2)).filter(TransformationView::named);
            if (named.isPresent()) {
                return named.get();
            }
        }
        String canonical;
        try {
            canonical = Transformation.parse(nameOrDefinition).canonical();
        } catch (IllegalArgumentException notParameters) {
            if (!Transformation.looksLikeParameters(nameOrDefinition)) {
                throw DarkroomException.notFound("Transformation " + nameOrDefinition + " not found");
            }
            throw notParameters;
        }
        return catalog.find(cloud, canonical)
                .orElseThrow(() -> DarkroomException.notFound("Transformation " + nameOrDefinition + " not found"));
    }

    public Page<TransformationView> list(String cloud, Boolean named, int limit, String nextCursor) {
        String scope = "transformations|" + cloud + "|" + named;
        String after = nextCursor == null ? null : cursors.decode(scope, nextCursor, 1).get(0);
        List<TransformationView> rows = catalog.list(cloud, named, after, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<TransformationView> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, cursors.encode(scope, List.of(page.get(limit - 1).name())));
    }

    private void requireNamedReferencesExist(String cloud, Transformation definition, String self) {
        for (String referenced : definition.namedReferences()) {
            if (!referenced.equals(self) && catalog.find(cloud, referenced).filter(TransformationView::named).isEmpty()) {
                throw DarkroomException.badRequest("Invalid transformation: named transformation " + referenced + " does not exist");
            }
        }
    }
}
