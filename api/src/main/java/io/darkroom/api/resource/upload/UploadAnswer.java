package io.darkroom.api.resource.upload;

import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.UploadSignature;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceView;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The upload-shaped answer of {@code upload} and {@code explicit}: the resource, its signature and what the call asked for. */
@Component
public class UploadAnswer {
    private final ResourceJson json;

    public UploadAnswer(ResourceJson json) {
        this.json = json;
    }

    public Map<String, Object> render(ResourceView r, ResourceAnalysis analysis, boolean existing, ApiParameters params,
                                      Cloud cloud) {
        Map<String, Object> body = json.withVersion(r);
        body.put("signature", UploadSignature.digest("SHA-1", "public_id=" + r.publicId() + "&version=" + r.version() + cloud.apiSecret()));
        body.put("pages", r.pages());
        body.put("original_filename", ResourceJson.originalFilename(r));
        if (existing) {
            body.put("existing", true);
        }
        boolean coordinates = params.get("face_coordinates") != null || params.get("custom_coordinates") != null;
        json.addExtras(body, r, analysis, new ResourceJson.Extras(params.bool("colors", false),
                params.bool("image_metadata", false), params.bool("exif", false), params.bool("faces", false) || coordinates,
                false, params.bool("phash", false), false));
        return body;
    }
}
