package io.darkroom.application.optimizer.delivery;

import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.optimizer.BuiltInMappingFunction;
import io.darkroom.domain.transformation.Transformation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two built-in mapping functions, as the reference describes them. {@code media_optimizer}: the path after the
 * profile's prefix is the key and {@code ?tx=} the transformation. {@code programmable_media}: a Cloudinary path,
 * {@code <resource_type>/<type>/<transformation>/v<version>/<key>}. The media key is the whole path, as custom
 * functions make it in the reference's example.
 */
final class BuiltInMappings {
    private static final Set<String> VIDEO = Set.of("mp4", "webm", "mov", "m4v", "ogv", "mkv", "avi", "m3u8", "mpd");

    private BuiltInMappings() {
    }

    static MappingResult map(BuiltInMappingFunction function, MappingRequest request, String pathPrefix) {
        String rest = withoutPrefix(request.path(), pathPrefix);
        if (function == BuiltInMappingFunction.MEDIA_OPTIMIZER) {
            String tx = request.query().get("tx");
            return new MappingResult(rest, request.path(), tx == null ? "" : tx, resourceTypeOf(rest));
        }
        List<String> segments = new ArrayList<>(Arrays.asList(rest.split("/")));
        if (segments.size() < 3 || !Set.of("image", "video", "raw").contains(segments.get(0))) {
            throw DarkroomException.notFound("Not a Programmable Media path (<resource_type>/<type>/[transformation/][v1/]<key>): " + rest);
        }
        String resourceType = segments.remove(0);
        segments.remove(0);
        List<String> transformation = new ArrayList<>();
        while (segments.size() > 1 && !segments.get(0).matches("v\\d+") && Transformation.looksLikeParameters(segments.get(0))) {
            transformation.add(segments.remove(0));
        }
        if (segments.size() > 1 && segments.get(0).matches("v\\d+")) {
            segments.remove(0);
        }
        return new MappingResult(String.join("/", segments), request.path(), String.join("/", transformation), resourceType);
    }

    static String withoutPrefix(String path, String pathPrefix) {
        if (pathPrefix == null || pathPrefix.isEmpty()) {
            return path;
        }
        return path.equals(pathPrefix) ? "" : path.substring(pathPrefix.length() + 1);
    }

    private static String resourceTypeOf(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return VIDEO.contains(extension) ? "video" : "image";
    }
}
