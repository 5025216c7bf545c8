package io.darkroom.application.console;

import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.support.DarkroomException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to the console with a cloud's name, API key and secret, compared in constant time; a failure counts
 * towards the address's lock-out exactly as a failed Admin API call does, and a locked-out address is refused before
 * its credentials are looked at. Sessions end after {@code idle} without use or {@code absolute} after sign-in.
 */
public class ConsoleSignIn {
    private final CloudDirectory clouds;
    private final AuthenticationThrottle throttle;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final String operatorToken;

    public ConsoleSignIn(CloudDirectory clouds, AuthenticationThrottle throttle, ConsoleSessions sessions, Clock clock,
                         Duration idle, Duration absolute, String operatorToken) {
        this.operatorToken = operatorToken == null ? "" : operatorToken;
        this.clouds = clouds;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    public ConsoleSession signIn(String cloudName, String apiKey, String apiSecret, String clientAddress) {
        refuseLockedOut(clientAddress);
        Optional<Cloud> cloud = clouds.find(blankToEmpty(cloudName)).filter(c ->
                Credentials.matches(c.apiKey(), blankToEmpty(apiKey)) & Credentials.matches(c.apiSecret(), blankToEmpty(apiSecret)));
        if (cloud.isEmpty()) {
            failed(clientAddress, "Wrong cloud name, API key or API secret");
        }
        return sessions.open(cloud.get().name(), cloud.get().apiKey(), clientAddress, clock.instant());
    }

    /**
     * The operator's sign-in with {@code DARKROOM_OPERATOR_TOKEN}: a session for the operations page, under the same
     * lock-out; refused like a wrong token when none is configured (the operations page then does not exist).
     */
    public ConsoleSession signInOperator(String token, String clientAddress) {
        refuseLockedOut(clientAddress);
        if (operatorToken.isBlank() || !Credentials.matches(operatorToken, blankToEmpty(token))) {
            failed(clientAddress, "Wrong operator token");
        }
        return sessions.open(ConsoleSession.OPERATOR, ConsoleSession.OPERATOR_ACTOR, clientAddress, clock.instant());
    }

    private void refuseLockedOut(String clientAddress) {
        throttle.lockedOut(clientAddress).ifPresent(wait -> {
            throw new DarkroomException(DarkroomException.Kind.LOCKED_OUT, AuthenticationThrottle.refusal(wait));
        });
    }

    private void failed(String clientAddress, String message) {
        throttle.failed(clientAddress).ifPresent(wait -> {
            throw new DarkroomException(DarkroomException.Kind.LOCKED_OUT, AuthenticationThrottle.refusal(wait));
        });
        throw new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, message);
    }

    /** The live session of a cookie's token, or empty (unknown, signed out, or past a timeout). */
    public Optional<ConsoleSession> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.find(token, now, now.minus(idle), now.minus(absolute));
    }

    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            sessions.close(token);
        }
    }

    public int sweep() {
        Instant now = clock.instant();
        return sessions.sweep(now.minus(idle), now.minus(absolute));
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
