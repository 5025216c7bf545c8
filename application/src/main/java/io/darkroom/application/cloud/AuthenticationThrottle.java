package io.darkroom.application.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: a client address with more than {@code maxFailuresPerMinute} failed
 * authentications in a minute is refused, right credentials included, until that minute ends.
 * The count lives in PostgreSQL, so every node refuses it. A node consults it only for addresses
 * it has itself seen fail in the last two minutes (the node-local set is a hint, never the
 * decision), so well-behaved clients cost no extra round trip; an attacker spreading guesses
 * over nodes gets one free failure per node before each node starts asking.
 */
public class AuthenticationThrottle {
    private final AuthenticationFailures failures;
    private final Clock clock;
    private final int maxFailuresPerMinute;
    private final Map<String, Instant> recentlyFailed = new ConcurrentHashMap<>();

    public AuthenticationThrottle(AuthenticationFailures failures, Clock clock, int maxFailuresPerMinute) {
        this.failures = failures;
        this.clock = clock;
        this.maxFailuresPerMinute = maxFailuresPerMinute;
    }

    /** When {@code client} is locked out: how long until it may try again. */
    public Optional<Duration> lockedOut(String client) {
        Instant now = clock.instant();
        Instant failedAt = recentlyFailed.get(client);
        if (failedAt == null) {
            return Optional.empty();
        }
        if (failedAt.isBefore(now.minus(2, ChronoUnit.MINUTES))) {
            recentlyFailed.remove(client, failedAt);
            return Optional.empty();
        }
        return failures.count(client, now) > maxFailuresPerMinute ? Optional.of(untilNextWindow(now)) : Optional.empty();
    }

    /** Records a failure; answers the lock-out when this failure crossed the limit. */
    public Optional<Duration> failed(String client) {
        Instant now = clock.instant();
        if (recentlyFailed.size() > 100_000) {
            recentlyFailed.clear(); // a hint only; bounded so a scan from many addresses cannot grow it without end
        }
        recentlyFailed.put(client, now);
        return failures.record(client, now) > maxFailuresPerMinute ? Optional.of(untilNextWindow(now)) : Optional.empty();
    }

    /** Whole seconds to wait, at least one, for a {@code Retry-After} header. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds());
    }

    /** The message a locked-out client gets, whichever API it called. */
    public static String refusal(Duration wait) {
        return "Too many failed authentications from this address; try again in " + retryAfterSeconds(wait) + " seconds";
    }

    private static Duration untilNextWindow(Instant now) {
        return Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
    }
}
