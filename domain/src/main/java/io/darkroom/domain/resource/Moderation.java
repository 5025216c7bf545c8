package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.Set;

/** A moderation queue entry: the queue ({@code kind}, e.g. {@code manual}) and the status in it. */
public record Moderation(String kind, String status) {
    public static final Set<String> STATUSES = Set.of("pending", "approved", "rejected");

    public Moderation {
        if (kind == null || kind.isBlank()) {
            throw new InvalidValueException("moderation kind must not be empty");
        }
        if (!STATUSES.contains(status)) {
            throw new InvalidValueException("Invalid moderation status: " + status);
        }
    }

    public static Moderation pendingManual() {
        return new Moderation("manual", "pending");
    }
}
