package io.darkroom.api.resource.upload;

import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.derivation.Derivations;
import io.darkroom.application.derivation.EagerAsync;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.domain.transformation.Transformation;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code eager} of upload and explicit: transformations joined by {@code |} (as the SDKs send a list),
 * checked before anything is stored and derived right after, so the answer lists them; with
 * {@code eager_async} they are queued instead (stored, derived by whichever node claims them) and the
 * answer lists them as {@code processing} with their {@code batch_id}. Only images are derived; for
 * other resource types {@code eager} is left out of the answer.
 */
@Component
public class EagerParameter {
    private final Derivations derivations;
    private final EagerAsync async;
    private final ResourceJson json;

    public EagerParameter(Derivations derivations, EagerAsync async, ResourceJson json) {
        this.derivations = derivations;
        this.async = async;
        this.json = json;
    }

    /** What {@code eager} and {@code eager_async} ask for, and where an async batch's completion is notified (or null). */
    public record Eager(List<Transformation> transformations, boolean async, String notificationUrl) {
        static final Eager NONE = new Eager(List.of(), false, null);
    }

    /**
     * The eager transformations, checked (none when none are asked for); an async batch is notified at
     * {@code eager_notification_url}, else where the call's other notifications go ({@code notificationUrl}, may be null).
     */
    public Eager check(ApiParameters params, String notificationUrl) {
        String value = params.get("eager");
        if (value == null) {
            return Eager.NONE;
        }
        List<Transformation> eager = Transformation.parseList(value);
        derivations.checkEager(eager);
        String eagerUrl = io.darkroom.application.notification.NotificationUrl.checked("eager_notification_url",
                params.get("eager_notification_url"));
        return new Eager(eager, params.bool("eager_async", false), eagerUrl != null ? eagerUrl : notificationUrl);
    }

    /** Derives each (or queues them) and puts the {@code eager} array into {@code body}. */
    public void derive(ResourceView resource, Eager eager, Map<String, Object> body) {
        if (eager.transformations().isEmpty() || !resource.resourceType().equals("image")) {
            return;
        }
        if (eager.async()) {
            String batchId = async.enqueue(resource, eager.transformations(), eager.notificationUrl());
            body.put("eager", eager.transformations().stream().map(t -> json.processing(resource, t, batchId)).toList());
            return;
        }
        body.put("eager", eager.transformations().stream().map(t -> json.eager(resource, derivations.eager(resource, t))).toList());
    }
}
