package io.darkroom.api.resource.wire;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.support.DarkroomException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cloudinary's add-on parameters (upload, explicit and the Admin update). Darkroom runs none of
 * those add-ons, but answers as Cloudinary does for a value: one that is not a legal value of the
 * add-on is {@code Illegal value ...}; a legal one says the add-on is not available. Moderation is
 * checked by its caller (manual moderation works).
 */
public final class AddOnParameters {
    private static final String TAGGING = "google_tagging|google_video_tagging|imagga_tagging|aws_rek_tagging"
            + "|aws_rek_video_tagging|azure_video_indexer|google_automatic_video_tagging";
    /** Legal values of each add-on parameter; comma lists where Cloudinary takes several. */
    private static final Map<String, Pattern> LEGAL = Map.of(
            "raw_convert", list("aspose|extract_text|google_speech(:(srt|vtt|[a-z]{2}(-[A-Z]{2})?))*|azure_video_indexer(:[a-z:]+)?"),
            "categorization", list(TAGGING),
            "detection", list("adv_face|aws_rek_face|cld-fashion|cld-text|coco|lvis|unidet|human-anatomy|openimages"
                    + "|captioning|iqa|watermark-detection|(cld-fashion|cld-text|coco|lvis|unidet|human-anatomy|openimages)_v\\d+"),
            "background_removal", Pattern.compile("cloudinary_ai(:[a-z_]+)?|pixelz|remove_the_background"),
            "auto_tagging", Pattern.compile("0(\\.\\d+)?|1(\\.0+)?|\\.\\d+"),
            "ocr", Pattern.compile("adv_ocr(:[a-z_-]+)*"));
    private static final List<String> ORDER = List.of("raw_convert", "categorization", "detection", "background_removal",
            "auto_tagging", "ocr");
    private static final Pattern MODERATION = Pattern.compile(
            "manual|webpurify|aws_rek(:[a-z_:.0-9]+)?|aws_rek_video|metascan|google_video_moderation|perception_point"
                    + "|duplicate(:(0(\\.\\d+)?|1(\\.0+)?))?");

    private AddOnParameters() {
    }

    private static Pattern list(String alternatives) {
        return Pattern.compile("(" + alternatives + ")(,(" + alternatives + "))*");
    }

    /** Refuses every add-on parameter present: illegal values first, then legal ones as unavailable. */
    public static void refuse(ApiParameters params) {
        for (String name : ORDER) {
            String value = params.get(name);
            if (value != null && !LEGAL.get(name).matcher(value.strip()).matches()) {
                throw illegal(name, value);
            }
        }
        for (String name : ORDER) {
            if (params.get(name) != null) {
                throw DarkroomException.badRequest("The " + name + " add-on is not available in Darkroom");
            }
        }
    }

    /** A {@code moderation} value: null, {@code manual}, or a 400 (illegal, or a legal add-on Darkroom lacks). */
    public static String moderation(ApiParameters params) {
        String value = params.get("moderation");
        if (value == null || value.equals("manual")) {
            return value;
        }
        if (!MODERATION.matcher(value).matches()) {
            throw illegal("moderation", value);
        }
        throw DarkroomException.badRequest("Moderation add-on " + value + " is not available; only manual moderation is supported");
    }

    private static DarkroomException illegal(String name, String value) {
        return DarkroomException.badRequest("Illegal value " + value + " for parameter " + name);
    }
}
