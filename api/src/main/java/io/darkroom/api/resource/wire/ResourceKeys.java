package io.darkroom.api.resource.wire;

import io.darkroom.application.resource.ResourceKey;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.ResourceType;

/** A {@link ResourceKey} from a request's path and parameters: each type checked and written as its wire name. */
public final class ResourceKeys {
    private ResourceKeys() {
    }

    /** The resource type is checked first, then the delivery type (a 400 naming the first that is wrong). */
    public static ResourceKey fromWire(String cloud, String resourceType, String type) {
        return new ResourceKey(cloud, ResourceType.fromWire(resourceType).wireName(), DeliveryType.fromWire(type).wireName());
    }
}
