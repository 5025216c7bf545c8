package io.darkroom.domain.optimizer;

/** Events of a cloud's {@link OptimizerSetup}: each names the media source, mapping function or delivery profile it changed. */
public sealed interface OptimizerEvent permits MediaSourceCreated, MediaSourceUpdated, MediaSourceDeleted, MappingFunctionCreated,
        MappingFunctionUpdated, MappingFunctionDeleted, DeliveryProfileCreated, DeliveryProfileUpdated, DeliveryProfileDeleted {
    String cloud();

    String id();

    String displayName();

    /** What the event changed, as the audit trail names it: media_source, mapping_function or delivery_profile. */
    default String component() {
        String type = getClass().getSimpleName();
        return type.startsWith("MediaSource") ? "media_source" : type.startsWith("MappingFunction") ? "mapping_function" : "delivery_profile";
    }
}
