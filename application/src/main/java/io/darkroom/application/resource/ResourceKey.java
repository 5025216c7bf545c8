package io.darkroom.application.resource;

/**
 * Where a public id is unique: a cloud, a resource type ({@code image}, {@code video}, {@code raw}) and a delivery type
 * ({@code upload}, {@code private}, {@code authenticated}), in their wire names. One value instead of three strings in a
 * row, which were easy to pass in the wrong order.
 */
public record ResourceKey(String cloud, String resourceType, String type) {
}
