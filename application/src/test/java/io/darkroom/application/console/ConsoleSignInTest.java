package io.darkroom.application.console;

import io.darkroom.application.cloud.AuthenticationFailures;
import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.support.DarkroomException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing in to the console: the cloud's credentials, the address's lock-out, the session's timeouts. */
class ConsoleSignInTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, ConsoleSession> sessions = new HashMap<>();
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ConsoleSignIn signIn() {
        AuthenticationFailures counted = new AuthenticationFailures() {
            @Override
            public int record(String client, Instant now) {
                return failures.merge(client, 1, Integer::sum);
            }

            @Override
            public int count(String client, Instant now) {
                return failures.getOrDefault(client, 0);
            }
        };
        ConsoleSessions store = new ConsoleSessions() {
            @Override
            public ConsoleSession open(String cloud, String apiKey, String clientAddress, Instant now) {
                ConsoleSession session = new ConsoleSession("token-" + sessions.size(), cloud, apiKey, "csrf", now);
                sessions.put(session.token(), session);
                lastSeen.put(session.token(), now);
                return session;
            }

            @Override
            public Optional<ConsoleSession> find(String token, Instant now, Instant idleSince, Instant openedSince) {
                ConsoleSession session = sessions.get(token);
                if (session == null || lastSeen.get(token).isBefore(idleSince) || session.createdAt().isBefore(openedSince)) {
                    return Optional.empty();
                }
                lastSeen.put(token, now);
                return Optional.of(session);
            }

            @Override
            public void close(String token) {
                sessions.remove(token);
            }

            @Override
            public int sweep(Instant idleSince, Instant openedSince) {
                return 0;
            }
        };
        return new ConsoleSignIn(name -> name.equals("demo") ? Optional.of(new Cloud("demo", "key", "secret", 100)) : Optional.empty(),
                new AuthenticationThrottle(counted, clock, 3), store, clock, Duration.ofMinutes(30), Duration.ofHours(12), "op-token");
    }

    @Test
    void the_operator_token_opens_an_operator_session_of_no_cloud() {
        ConsoleSession session = signIn().signInOperator("op-token", "10.0.0.1");
        assertThat(session.operator()).isTrue();
        assertThat(session.apiKey()).isEqualTo("operator");
    }

    @Test
    void a_wrong_operator_token_is_refused_and_counts_towards_the_lock_out() {
        ConsoleSignIn signIn = signIn();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.signInOperator("guess", "10.0.0.7")).hasMessage("Wrong operator token");
        }
        assertThatThrownBy(() -> signIn.signInOperator("guess", "10.0.0.7"))
                .satisfies(e -> assertThat(((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.LOCKED_OUT));
        assertThatThrownBy(() -> signIn.signInOperator("op-token", "10.0.0.7"))
                .satisfies(e -> assertThat(((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.LOCKED_OUT));
    }

    @Test
    void a_cloud_session_is_no_operator_session() {
        assertThat(signIn().signIn("demo", "key", "secret", "10.0.0.1").operator()).isFalse();
    }

    @Test
    void the_cloud_s_key_and_secret_open_a_session_whose_actor_is_the_key() {
        ConsoleSession session = signIn().signIn("demo", "key", "secret", "10.0.0.1");
        assertThat(session.cloud()).isEqualTo("demo");
        assertThat(session.apiKey()).isEqualTo("key");
        assertThat(signIn().session(session.token())).contains(session);
    }

    @Test
    void a_wrong_secret_is_refused_and_counted_against_the_address() {
        assertThatThrownBy(() -> signIn().signIn("demo", "key", "nope", "10.0.0.2"))
                .isInstanceOf(DarkroomException.class).hasMessage("Wrong cloud name, API key or API secret");
        assertThat(failures).containsEntry("10.0.0.2", 1);
        assertThat(sessions).isEmpty();
    }

    @Test
    void a_locked_out_address_is_refused_even_with_the_right_secret() {
        ConsoleSignIn signIn = signIn();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> signIn.signIn("demo", "key", "guess", "10.0.0.3")).hasMessageStartingWith("Wrong cloud name");
        }
        assertThatThrownBy(() -> signIn.signIn("demo", "key", "guess", "10.0.0.3"))
                .satisfies(e -> assertThat(((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.LOCKED_OUT));
        assertThatThrownBy(() -> signIn.signIn("demo", "key", "secret", "10.0.0.3"))
                .satisfies(e -> assertThat(((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.LOCKED_OUT));
        assertThat(sessions).isEmpty();
    }

    @Test
    void a_session_unused_for_the_idle_timeout_has_ended() {
        ConsoleSession session = signIn().signIn("demo", "key", "secret", "10.0.0.4");
        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC);
        assertThat(signIn().session(session.token())).isEmpty();
    }

    @Test
    void a_session_in_use_ends_at_the_absolute_timeout() {
        ConsoleSession session = signIn().signIn("demo", "key", "secret", "10.0.0.5");
        for (int hour = 1; hour <= 12; hour++) {
            clock = Clock.fixed(NOW.plus(Duration.ofMinutes(20L * hour)), ZoneOffset.UTC);
            assertThat(signIn().session(session.token())).as("in use after " + 20 * hour + " minutes").isPresent();
        }
        clock = Clock.fixed(NOW.plus(Duration.ofHours(12).plusMinutes(1)), ZoneOffset.UTC);
        lastSeen.put(session.token(), clock.instant());
        assertThat(signIn().session(session.token())).isEmpty();
    }
}
