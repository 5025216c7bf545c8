package io.darkroom.application.console;

import java.time.Instant;

/**
 * A signed-in console session: {@code token} is the cookie's value (never stored), {@code csrfToken} what every change
 * must carry, {@code apiKey} the actor of its changes.
 */
public record ConsoleSession(String token, String cloud, String apiKey, String csrfToken, Instant createdAt) {
}
