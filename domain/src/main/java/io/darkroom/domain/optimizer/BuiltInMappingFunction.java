package io.darkroom.domain.optimizer;

import java.util.Arrays;
import java.util.Optional;

/** The two mapping functions every cloud has, with the ids the reference shows (the same in every cloud), read-only. */
public enum BuiltInMappingFunction {
    /** The path is the media key; {@code ?tx=} carries the transformation. */
    MEDIA_OPTIMIZER("9468a72d37440570233dd41eeacc0b04", "Media Optimizer", "media_optimizer"),
    /** The path is Cloudinary's: {@code image/upload/<transformation>/v1/<key>}. */
    PROGRAMMABLE_MEDIA("63b432465f829b7fe342851bd1138447", "Programmable Media", "programmable_media");

    private final String id;
    private final String displayName;
    private final String templateType;

    BuiltInMappingFunction(String id, String displayName, String templateType) {
        this.id = id;
        this.displayName = displayName;
        this.templateType = templateType;
    }

    public static Optional<BuiltInMappingFunction> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String templateType() {
        return templateType;
    }
}
