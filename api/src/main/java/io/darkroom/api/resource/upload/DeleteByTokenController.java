package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /v1_1/:cloud/:resource_type/delete_by_token} (unsigned, as the SDKs send it): deletes the asset a
 * {@link DeleteTokens delete token} names, within 10 minutes of its upload. The actor in its history is {@code delete_token}.
 */
@RestController
public class DeleteByTokenController {
    private final CloudDirectory clouds;
    private final DeleteTokens tokens;
    private final ResourceQueries queries;
    private final ResourceManager manager;

    public DeleteByTokenController(CloudDirectory clouds, DeleteTokens tokens, ResourceQueries queries, ResourceManager manager) {
        this.clouds = clouds;
        this.tokens = tokens;
        this.queries = queries;
        this.manager = manager;
    }

    @PostMapping({"/v1_1/{cloud}/delete_by_token", "/v1_1/{cloud}/{resourceType:image|video|raw|auto}/delete_by_token"})
    Map<String, Object> deleteByToken(@PathVariable String cloud, HttpServletRequest request) {
        Cloud account = clouds.find(cloud).orElseThrow(() -> new DarkroomException(DarkroomException.Kind.UNAUTHORIZED,
                "Invalid cloud_name " + cloud));
        String assetId = tokens.assetId(account, ApiParameters.of(request).get("token"));
        ResourceView resource;
        try {
            resource = queries.detailsByAssetId(account.name(), assetId);
        } catch (DarkroomException gone) {
            return Map.of("result", "not found");
        }
        RequestMetadata.actor("delete_token");
        boolean deleted = manager.destroy(new ResourceKey(account.name(), resource.resourceType(), resource.type()),
                resource.publicId());
        return Map.of("result", deleted ? "ok" : "not found");
    }
}
