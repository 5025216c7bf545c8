package io.darkroom.application.optimizer.setup;

import java.util.List;

/** A delivery profile as the read model holds it. */
public record DeliveryProfileView(String cloud, String id, String displayName, String pathPrefix, String cnameId,
                                  String mappingFunctionId, String defaultTransformation, List<String> mediaSourceIds,
                                  boolean enabled) {
}
