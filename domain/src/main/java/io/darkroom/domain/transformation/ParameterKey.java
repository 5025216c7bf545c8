package io.darkroom.domain.transformation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every key of a transformation component, its long name (as details' {@code info} shows it) and
 * the shape of its values. Values are checked for shape only: what a derivation can apply is
 * decided where it derives.
 */
public enum ParameterKey {
    ANGLE("a", "angle", ValueShapes.ANGLE),
    AUDIO_CODEC("ac", "audio_codec", ValueShapes.TOKEN),
    AUDIO_FREQUENCY("af", "audio_frequency", ValueShapes.TOKEN),
    ASPECT_RATIO("ar", "aspect_ratio", ValueShapes.ASPECT_RATIO),
    BACKGROUND("b", "background", ValueShapes.BACKGROUND),
    BORDER("bo", "border", ValueShapes.BORDER),
    BIT_RATE("br", "bit_rate", ValueShapes.TOKEN),
    CROP("c", "crop", ValueShapes.CROP),
    COLOR("co", "color", ValueShapes.COLOR),
    COLOR_SPACE("cs", "color_space", ValueShapes.TOKEN),
    DEFAULT_IMAGE("d", "default_image", ValueShapes.NAME),
    DELAY("dl", "delay", ValueShapes.NUMBER),
    DENSITY("dn", "density", ValueShapes.NUMBER),
    DPR("dpr", "dpr", ValueShapes.DPR),
    DURATION("du", "duration", ValueShapes.OFFSET),
    EFFECT("e", "effect", ValueShapes.EFFECT),
    END_OFFSET("eo", "end_offset", ValueShapes.OFFSET),
    FETCH_FORMAT("f", "fetch_format", ValueShapes.FORMAT),
    FLAGS("fl", "flags", ValueShapes.FLAGS),
    CUSTOM_FUNCTION("fn", "custom_function", ValueShapes.TOKEN),
    FPS("fps", "fps", ValueShapes.TOKEN),
    GRAVITY("g", "gravity", ValueShapes.GRAVITY),
    HEIGHT("h", "height", ValueShapes.DIMENSION),
    KEYFRAME_INTERVAL("ki", "keyframe_interval", ValueShapes.NUMBER),
    OVERLAY("l", "overlay", ValueShapes.LAYER),
    OPACITY("o", "opacity", ValueShapes.PERCENT),
    PREFIX("p", "prefix", ValueShapes.NAME),
    PAGE("pg", "page", ValueShapes.TOKEN),
    QUALITY("q", "quality", ValueShapes.QUALITY),
    RADIUS("r", "radius", ValueShapes.RADIUS),
    START_OFFSET("so", "start_offset", ValueShapes.OFFSET),
    STREAMING_PROFILE("sp", "streaming_profile", ValueShapes.TOKEN),
    TRANSFORMATION("t", "transformation", ValueShapes.NAMED),
    UNDERLAY("u", "underlay", ValueShapes.LAYER),
    VIDEO_CODEC("vc", "video_codec", ValueShapes.TOKEN),
    VIDEO_SAMPLING("vs", "video_sampling", ValueShapes.TOKEN),
    WIDTH("w", "width", ValueShapes.DIMENSION),
    X("x", "x", ValueShapes.OFFSET_PIXELS),
    Y("y", "y", ValueShapes.OFFSET_PIXELS),
    ZOOM("z", "zoom", ValueShapes.NUMBER);

    private static final Map<String, ParameterKey> BY_SHORT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ParameterKey::shortName, Function.identity()));

    private final String shortName;
    private final String longName;
    private final Pattern shape;

    ParameterKey(String shortName, String longName, Pattern shape) {
        this.shortName = shortName;
        this.longName = longName;
        this.shape = shape;
    }

    public String shortName() {
        return shortName;
    }

    public String longName() {
        return longName;
    }

    boolean accepts(String value) {
        return shape.matcher(value).matches();
    }

    static Optional<ParameterKey> of(String shortName) {
        return Optional.ofNullable(BY_SHORT.get(shortName));
    }

    /** The key of a long name ({@code width}), as transformation details and preset settings show it. */
    public static Optional<ParameterKey> ofLongName(String longName) {
        for (ParameterKey key : values()) {
            if (key.longName.equals(longName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
