package io.darkroom.api.config;

import io.darkroom.api.web.FastIds;
import org.axonframework.common.IdentifierFactory;

/** Axon's message and event identifiers without the global SecureRandom lock (see {@link FastIds}). */
public class FastIdentifierFactory extends IdentifierFactory {
    @Override
    public String generateIdentifier() {
        return FastIds.uuid();
    }
}
