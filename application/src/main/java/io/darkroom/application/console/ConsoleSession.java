package io.darkroom.application.console;

import java.time.Instant;

/**
 * A signed-in console session: {@code token} is the cookie's value (never stored), {@code csrfToken} what every change
 * must carry, {@code apiKey} the actor of its changes
 * ({@code operator} for the operator's session, whose {@code cloud} is empty).
 */
public record ConsoleSession(String token, String cloud, String apiKey, String csrfToken, Instant createdAt) {
    /** The operator's session: opened with the operator token, for the operations page only; it belongs to no cloud. */
    public static final String OPERATOR = "";
    public static final String OPERATOR_ACTOR = "operator";

    public boolean operator() {
        return OPERATOR.equals(cloud);
    }
}
