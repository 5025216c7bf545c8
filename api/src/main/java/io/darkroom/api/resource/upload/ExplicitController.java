package io.darkroom.api.resource.upload;

import io.darkroom.api.resource.wire.AddOnParameters;
import io.darkroom.api.resource.wire.ResourceKeys;
import io.darkroom.api.resource.wire.UpdateParameters;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.resource.manage.ResourceUpdate;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.PublicId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /v1_1/:cloud/:resource_type/explicit} (signed): applies tags, context, face and custom
 * coordinates and manual moderation to an existing asset, all in one transaction, and answers as an
 * upload does; {@code eager} transformations are derived before it answers (with {@code eager_async}, in the background, and
 * the batch notified at {@code eager_notification_url} or {@code notification_url}).
 */
@RestController
public class ExplicitController {
    private final UploadAuthenticator authenticator;
    private final ResourceManager manager;
    private final ResourceQueries queries;
    private final UploadAnswer answer;
    private final EagerParameter eager;

    private final NotificationUrls notificationUrls;

    public ExplicitController(UploadAuthenticator authenticator, ResourceManager manager, ResourceQueries queries,
                              UploadAnswer answer, EagerParameter eager, NotificationUrls notificationUrls) {
        this.notificationUrls = notificationUrls;
        this.eager = eager;
        this.authenticator = authenticator;
        this.manager = manager;
        this.queries = queries;
        this.answer = answer;
    }

    @PostMapping("/v1_1/{cloud}/{resourceType:image|video|raw}/explicit")
    Map<String, Object> explicit(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        Cloud account = authenticator.authenticate(cloud, params);
        String publicId = params.get("public_id");
        if (publicId == null) {
            throw DarkroomException.badRequest("Missing required parameter - public_id");
        }
        String moderation = AddOnParameters.moderation(params);
        ResourceUpdate update = UpdateParameters.of(params, moderation == null ? null : "pending");
        EagerParameter.Eager eagerTransformations = eager.check(params, notificationUrls.apply(account.name(), params));
        ResourceView resource = manager.update(ResourceKeys.fromWire(account.name(), resourceType, params.get("type") == null ? "upload" : params.get("type")),
                PublicId.of(publicId).value(), update);
        Map<String, Object> body = answer.render(resource, queries.analysis(resource.assetId()), false, params, account);
        eager.derive(resource, eagerTransformations, body);
        return body;
    }
}
