package io.darkroom.api.delivery;

import java.util.Set;

/**
 * The clouds with strict transformations on (configured per cloud, as Cloudinary's console setting):
 * their deliveries make new derivatives only with named transformations, ones allowed for strict,
 * or signed URLs. Every node reads the same configuration, so they agree.
 */
public record StrictTransformations(Set<String> clouds) {
    public StrictTransformations {
        clouds = Set.copyOf(clouds);
    }

    public boolean on(String cloud) {
        return clouds.contains(cloud);
    }
}
