package io.darkroom.application.transformation;

/**
 * A transformation as the read model holds it.
 *
 * @param name       the chosen name, or the canonical definition of an unnamed one
 * @param definition canonical transformation string
 */
public record TransformationView(String cloud, String name, boolean named, String definition, boolean allowedForStrict) {
}
