package io.darkroom.api.upload;

import io.darkroom.api.resource.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.transformation.derive.Derivations;
import io.darkroom.domain.transformation.Transformation;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code eager} of upload and explicit: transformations joined by {@code |} (as the SDKs send a list),
 * checked before anything is stored and derived right after, so the answer lists them. Only images
 * are derived; for other resource types {@code eager} is left out of the answer.
 */
@Component
public class EagerParameter {
    private final Derivations derivations;
    private final ResourceJson json;

    public EagerParameter(Derivations derivations, ResourceJson json) {
        this.derivations = derivations;
        this.json = json;
    }

    /** The eager transformations, checked (an empty list when none are asked for). */
    public List<Transformation> check(ApiParameters params) {
        String value = params.get("eager");
        if (value == null) {
            return List.of();
        }
        List<Transformation> eager = Arrays.stream(value.split("\\|")).filter(s -> !s.isBlank()).map(Transformation::parse).toList();
        derivations.checkEager(eager);
        return eager;
    }

    /** Derives each and puts the {@code eager} array into {@code body}. */
    public void derive(ResourceView resource, List<Transformation> eager, Map<String, Object> body) {
        if (eager.isEmpty() || !resource.resourceType().equals("image")) {
            return;
        }
        body.put("eager", eager.stream().map(t -> json.eager(resource, derivations.eager(resource, t))).toList());
    }
}
