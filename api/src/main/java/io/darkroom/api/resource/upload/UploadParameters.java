package io.darkroom.api.resource.upload;

import io.darkroom.api.resource.wire.AddOnParameters;
import io.darkroom.api.resource.wire.ContextParameter;
import io.darkroom.api.resource.wire.CoordinatesParameter;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.resource.upload.IncomingRules;
import io.darkroom.application.resource.upload.StagedFile;
import io.darkroom.application.resource.upload.UploadPlacement;
import io.darkroom.application.resource.upload.UploadRequest;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.Labels;
import io.darkroom.domain.resource.Moderation;
import io.darkroom.domain.resource.ResourceType;
import io.darkroom.domain.transformation.Transformation;

import java.util.List;

/**
 * The upload's parameters read into an {@link UploadRequest}: every value checked, so that a bad one is a 400 before a
 * (possibly large) file is read, and so that a preset's settings are checked as the uploads using it will read them.
 */
public final class UploadParameters {
    private UploadParameters() {
    }

    /** The request; {@code file} null to check the parameters only. */
    public static UploadRequest describe(String cloud, String resourceType, ApiParameters params, StagedFile given) {
        // filename_override: the name the file is known by (original_filename, use_filename, use_filename_as_display_name)
        String override = params.get("filename_override");
        StagedFile file = given == null || override == null ? given : given.withOriginalFilename(override.strip());
        AddOnParameters.refuse(params);
        ResourceType kind = resourceType.equals("auto") ? null : ResourceType.fromWire(resourceType);
        DeliveryType type = DeliveryType.fromWire(params.get("type") == null ? "upload" : params.get("type"));
        List<String> tags = params.list("tags");
        String contextText = params.get("context");
        Labels labels = tags == null && contextText == null ? null
                : new Labels(tags == null ? List.of() : tags, ContextParameter.parse(contextText));
        return new UploadRequest(cloud, kind, type, params.get("public_id"), placement(params),
                params.bool("use_filename", false), params.bool("unique_filename", true), params.bool("overwrite", true),
                labels, AddOnParameters.moderation(params) == null ? null : Moderation.pendingManual(),
                CoordinatesParameter.parse("face_coordinates", params.rawValue("face_coordinates")),
                CoordinatesParameter.parse("custom_coordinates", params.rawValue("custom_coordinates")), incoming(params), file);
    }

    /** Where the upload is filed and what it is called; folder names are checked here, so a bad one is a 400 early. */
    static UploadPlacement placement(ApiParameters params) {
        String folder = params.get("folder");
        String assetFolder = params.rawValue("asset_folder");
        String prefix = params.get("public_id_prefix");
        for (String path : java.util.Arrays.asList(folder, assetFolder, prefix)) {
            if (path != null) {
                FolderPath.of(path);
            }
        }
        String displayName = params.get("display_name");
        if (displayName != null) {
            DisplayName.of(displayName.strip());
        }
        return new UploadPlacement(folder, assetFolder, displayName, prefix,
                params.bool("use_asset_folder_as_public_id_prefix", false), params.bool("use_filename_as_display_name", false),
                params.bool("unique_display_name", false));
    }

    /** Checks parameters that name no file yet and no resource type (a preset's settings). */
    public static void check(ApiParameters params) {
        describe("check", "auto", params, null);
        String eager = params.get("eager");
        if (eager != null) {
            Transformation.parseList(eager);
        }
    }

    /** {@code transformation}, {@code format} and {@code allowed_formats}. */
    static IncomingRules incoming(ApiParameters params) {
        String transformation = params.get("transformation");
        List<String> allowed = params.list("allowed_formats");
        return new IncomingRules(transformation == null ? null : Transformation.parse(transformation), params.get("format"),
                allowed == null ? List.of() : allowed);
    }
}
