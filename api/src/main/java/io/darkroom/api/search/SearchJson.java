package io.darkroom.api.search;

import io.darkroom.api.resource.wire.DeliveryUrls;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search result as Cloudinary's Search API answers it: the listing fields plus {@code filename}, {@code uploaded_at},
 * {@code aspect_ratio}, {@code pixels}, {@code status}, {@code access_mode} and {@code etag}; {@code tags}, {@code context},
 * {@code image_metadata} and moderation only when {@code with_field} names them; with {@code fields}, only those plus the
 * fields always there.
 */
final class SearchJson {
    static final Set<String> WITH_FIELDS = Set.of("tags", "context", "image_metadata", "metadata", "moderation",
            "moderation_status");
    private static final Set<String> ALWAYS = Set.of("asset_id", "public_id", "asset_folder", "folder", "created_at", "status",
            "type", "resource_type");

    private SearchJson() {
    }

    static void checkWithFields(Set<String> withFields) {
        for (String field : withFields) {
            if (!WITH_FIELDS.contains(field)) {
                throw DarkroomException.badRequest("Unknown with_field " + field + ": use tags, context, image_metadata, metadata "
                        + "or moderation");
            }
        }
    }

    static Map<String, Object> resource(ResourceJson json, ResourceView r, DeliveryUrls.Bases bases, Set<String> withFields,
                                        Set<String> fields, ResourceAnalysis analysis) {
        boolean moderation = withFields.contains("moderation") || withFields.contains("moderation_status");
        Map<String, Object> out = json.summary(r, new ResourceJson.Include(withFields.contains("tags"),
                withFields.contains("context"), moderation), bases);
        if (withFields.contains("context") && !out.containsKey("context")) {
            out.put("context", Map.of());
        }
        String filename = r.originalFilename() == null ? r.displayName() : stem(r.originalFilename());
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("filename", filename);
        more.put("uploaded_at", out.get("created_at"));
        if (r.width() > 0 && r.height() > 0) {
            more.put("aspect_ratio", BigDecimal.valueOf(r.width()).divide(BigDecimal.valueOf(r.height()), 5, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().doubleValue());
            more.put("pixels", (long) r.width() * r.height());
        }
        if (r.pages() > 0 && !r.resourceType().equals("raw")) {
            more.put("pages", r.pages());
        }
        more.put("status", "active");
        more.put("access_mode", "public");
        more.put("etag", r.etag());
        out.putAll(more);
        if (withFields.contains("image_metadata") && analysis != null) {
            Map<String, String> all = new LinkedHashMap<>(analysis.exif());
            analysis.metadata().forEach(all::putIfAbsent);
            out.put("image_metadata", all);
        }
        if (withFields.contains("metadata")) {
            out.put("metadata", Map.of()); // structured metadata is not kept by Darkroom
        }
        if (!fields.isEmpty()) {
            out.keySet().removeIf(key -> !ALWAYS.contains(key) && !fields.contains(key));
        }
        return out;
    }

    static List<String> needsAnalysis(Set<String> withFields, List<ResourceView> resources) {
        return withFields.contains("image_metadata") ? resources.stream().map(ResourceView::assetId).toList() : List.of();
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
