package io.darkroom.application.optimizer.setup;

/** A mapping function: a custom one from the read model, or a built-in one ({@code code} empty). */
public record MappingFunctionView(String id, String displayName, String code, String templateType) {
}
