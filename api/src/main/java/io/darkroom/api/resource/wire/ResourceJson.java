package io.darkroom.api.resource.wire;

import io.darkroom.application.derivation.DerivedResource;
import io.darkroom.application.cloud.FolderModes;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.domain.resource.ColorShare;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes resources in the shapes of Cloudinary's responses (listing entries, details, upload answers). */
@Component
public class ResourceJson {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** What to add to the basic fields. */
    public record Include(boolean tags, boolean context, boolean moderation) {
        public static final Include NOTHING = new Include(false, false, false);
    }

    private final DeliveryUrls urls;
    private final FolderModes folderModes;

    public DeliveryUrls urls() {
        return urls;
    }

    public ResourceJson(DeliveryUrls urls, FolderModes folderModes) {
        this.urls = urls;
        this.folderModes = folderModes;
    }

    public Map<String, Object> summary(ResourceView r, Include include) {
        return summary(r, include, urls.bases());
    }

    /** A list entry; pass the bases resolved once per page. */
    public Map<String, Object> summary(ResourceView r, Include include, DeliveryUrls.Bases bases) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asset_id", r.assetId());
        json.put("public_id", r.publicId());
        if (!r.format().isEmpty() && !r.resourceType().equals("raw")) {
            json.put("format", r.format());
        }
        json.put("version", r.version());
        json.put("resource_type", r.resourceType());
        json.put("type", r.type());
        json.put("created_at", createdAt(r));
        json.put("bytes", r.bytes());
        if (r.resourceType().equals("image")) {
            json.put("width", r.width());
            json.put("height", r.height());
        }
        // as Cloudinary answers in each folder mode: dynamic shows the asset's own folder and name, fixed the id's path
        if (folderModes.dynamic(r.cloud())) {
            json.put("asset_folder", r.assetFolder());
            json.put("display_name", r.displayName());
        } else {
            int slash = r.publicId().lastIndexOf('/');
            json.put("folder", slash < 0 ? "" : r.publicId().substring(0, slash));
        }
        String path = DeliveryUrls.path(r);
        json.put("url", bases.plain() + path);
        json.put("secure_url", bases.secure() + path);
        if (include.tags()) {
            json.put("tags", r.tags());
        }
        if (include.context() && !r.context().isEmpty()) {
            json.put("context", Map.of("custom", r.context()));
        }
        if (include.moderation() && r.moderationKind() != null) {
            json.put("moderation_status", r.moderationStatus());
            json.put("moderation", List.of(Map.of("kind", r.moderationKind(), "status", r.moderationStatus())));
        }
        return json;
    }

    /** Optional parts of details and upload answers, as the caller asked for them. */
    public record Extras(boolean colors, boolean imageMetadata, boolean exif, boolean faces, boolean pages,
                         boolean phash, boolean coordinates) {
        public static final Extras NONE = new Extras(false, false, false, false, false, false, false);

        /** Whether the heavier analysis must be read for these extras. */
        public boolean needAnalysis() {
            return colors || imageMetadata || exif || phash || faces || coordinates;
        }
    }

    public void addExtras(Map<String, Object> json, ResourceView r, ResourceAnalysis analysis, Extras extras) {
        if (extras.pages()) {
            json.put("pages", r.pages());
        }
        if (extras.colors() && r.resourceType().equals("image")) {
            List<List<Object>> colors = new ArrayList<>();
            for (ColorShare color : analysis.colors()) {
                colors.add(List.of(color.hex(), color.percent()));
            }
            json.put("colors", colors);
        }
        if (extras.phash() && analysis.phash() != null) {
            json.put("phash", analysis.phash());
        }
        if (extras.imageMetadata()) {
            Map<String, String> all = new LinkedHashMap<>(analysis.exif());
            analysis.metadata().forEach(all::putIfAbsent);
            json.put("image_metadata", all);
        }
        if (extras.exif()) {
            json.put("exif", analysis.exif());
        }
        if (extras.faces()) {
            json.put("faces", analysis.faces());
        }
        if (extras.coordinates()) {
            json.put("coordinates", Map.of("faces", analysis.faces(), "custom", analysis.custom()));
        }
    }

    /** One derived file in a resource's details, with its delivery URLs. */
    public Map<String, Object> derived(ResourceView resource, DerivedResource derived) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transformation", derived.transformation());
        json.put("format", derived.format());
        json.put("bytes", derived.bytes());
        json.put("id", derived.derivedId());
        return withUrls(json, resource, derived);
    }

    /** One entry of an upload's or explicit's {@code eager} answer. */
    public Map<String, Object> eager(ResourceView resource, DerivedResource derived) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transformation", derived.transformation());
        json.put("width", derived.width());
        json.put("height", derived.height());
        json.put("bytes", derived.bytes());
        json.put("format", derived.format());
        return withUrls(json, resource, derived);
    }

    /** An {@code eager_async} entry: what will be derived and where it will be, before it is. */
    public Map<String, Object> processing(ResourceView resource, io.darkroom.domain.transformation.Transformation transformation,
                                          String batchId) {
        Map<String, Object> json = new LinkedHashMap<>();
        String canonical = transformation.chain();
        json.put("transformation", canonical);
        json.put("status", "processing");
        json.put("batch_id", batchId);
        return withUrls(json, resource, canonical, transformation.extension() != null ? transformation.extension() : resource.format());
    }

    private Map<String, Object> withUrls(Map<String, Object> json, ResourceView resource, DerivedResource derived) {
        return withUrls(json, resource, derived.transformation(), derived.format());
    }

    private Map<String, Object> withUrls(Map<String, Object> json, ResourceView resource, String transformation, String format) {
        String path = DeliveryUrls.derivedPath(resource, transformation, format);
        DeliveryUrls.Bases bases = urls.bases();
        json.put("url", bases.plain() + path);
        json.put("secure_url", bases.secure() + path);
        return json;
    }

    /** The details of one resource, as the Admin API's details and update calls answer them. */
    public Map<String, Object> details(ResourceView resource, ResourceAnalysis analysis, Extras extras) {
        Map<String, Object> body = withVersion(resource);
        addExtras(body, resource, analysis, extras);
        body.put("derived", List.of());
        return body;
    }

    /** Everything a list entry has, with tags, context and moderation, plus the current version's file fields. */
    public Map<String, Object> withVersion(ResourceView resource) {
        Map<String, Object> body = summary(resource, new Include(true, true, true));
        body.put("version_id", resource.versionId());
        body.put("etag", resource.etag());
        body.put("placeholder", false);
        if (resource.originalFilename() != null) {
            body.put("original_filename", originalFilename(resource));
        }
        return body;
    }

    public static String createdAt(ResourceView r) {
        return CREATED_AT.format(r.createdAt().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The client's file name without its extension, as Cloudinary reports it. */
    public static String originalFilename(ResourceView r) {
        String name = r.originalFilename();
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
