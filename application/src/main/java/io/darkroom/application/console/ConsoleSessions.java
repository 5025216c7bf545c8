package io.darkroom.application.console;

import java.time.Instant;
import java.util.Optional;

/** Port: console sessions, shared by every node. Only a hash of each token is stored. */
public interface ConsoleSessions {
    ConsoleSession open(String cloud, String apiKey, String clientAddress, Instant now);

    /** The session of {@code token} if it was used since {@code idleSince} and opened since {@code openedSince}; marks it used. */
    Optional<ConsoleSession> find(String token, Instant now, Instant idleSince, Instant openedSince);

    void close(String token);

    /** Removes sessions past either timeout; answers how many. */
    int sweep(Instant idleSince, Instant openedSince);
}
