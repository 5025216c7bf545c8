package io.darkroom.api.resource.wire;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.resource.manage.ResourceUpdate;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DisplayName;

/**
 * The updatable fields as the Admin update and the Upload API's explicit take them: tags and
 * context replace what the asset has when named (an empty value clears), coordinates likewise; {@code asset_folder} moves
 * the asset (empty: to the root) and {@code display_name} renames it for people.
 * Add-on parameters are refused first (see {@link AddOnParameters}).
 */
public final class UpdateParameters {
    private UpdateParameters() {
    }

    public static ResourceUpdate of(ApiParameters params, String moderationStatus) {
        AddOnParameters.refuse(params);
        String contextText = params.get("context");
        return new ResourceUpdate(params.raw().containsKey("tags") || params.raw().containsKey("tags[]") ? params.list("tags") : null,
                contextText == null && !params.raw().containsKey("context") ? null : ContextParameter.parse(contextText),
                CoordinatesParameter.parse("face_coordinates", params.rawValue("face_coordinates")),
                CoordinatesParameter.parse("custom_coordinates", params.rawValue("custom_coordinates")), moderationStatus,
                params.raw().containsKey("asset_folder") ? FolderPath.of(params.rawValue("asset_folder")) : null,
                params.get("display_name") == null ? null : DisplayName.of(params.get("display_name").strip()));
    }
}
