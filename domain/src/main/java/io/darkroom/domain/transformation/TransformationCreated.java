package io.darkroom.domain.transformation;

import org.axonframework.serialization.Revision;

/**
 * A transformation was created: named ({@code name} chosen by the caller) or unnamed ({@code name}
 * is the canonical definition).
 *
 * @param definition canonical transformation string
 */
@Revision("1")
public record TransformationCreated(String id, String cloud, String name, boolean named, String definition,
                                    boolean allowedForStrict) implements TransformationEvent {
}
