package io.darkroom.application.cloud;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationThrottleTest {
    private final Instant tenPast = Instant.parse("2026-11-24T10:00:10Z");
    private final CountingFailures failures = new CountingFailures();

    @Test
    void a_client_over_the_limit_is_refused_until_the_minute_ends_and_others_are_not() {
        AuthenticationThrottle throttle = new AuthenticationThrottle(failures, Clock.fixed(tenPast, ZoneOffset.UTC), 3);

        assertThat(throttle.failed("10.0.0.1")).isEmpty();
        assertThat(throttle.failed("10.0.0.1")).isEmpty();
        assertThat(throttle.failed("10.0.0.1")).isEmpty();
        assertThat(throttle.lockedOut("10.0.0.1")).isEmpty();
        assertThat(throttle.failed("10.0.0.1")).contains(Duration.ofSeconds(50));
        assertThat(throttle.lockedOut("10.0.0.1")).contains(Duration.ofSeconds(50));
        assertThat(throttle.lockedOut("10.0.0.2")).isEmpty();

        AuthenticationThrottle nextMinute = new AuthenticationThrottle(failures,
                Clock.fixed(tenPast.plus(1, ChronoUnit.MINUTES), ZoneOffset.UTC), 3);
        nextMinute.failed("10.0.0.1");
        assertThat(nextMinute.lockedOut("10.0.0.1")).isEmpty();
    }

    @Test
    void clients_that_never_failed_on_this_node_cost_no_lookup() {
        AuthenticationThrottle throttle = new AuthenticationThrottle(failures, Clock.fixed(tenPast, ZoneOffset.UTC), 3);

        assertThat(throttle.lockedOut("10.0.0.9")).isEmpty();
        assertThat(failures.lookups.get()).isZero();
    }

    /** The shared count, as JdbcAuthenticationFailures keeps it, in memory for this policy test. */
    private static final class CountingFailures implements AuthenticationFailures {
        private final Map<String, Integer> counts = new HashMap<>();
        private final AtomicInteger lookups = new AtomicInteger();

        @Override
        public int record(String client, Instant now) {
            return counts.merge(client + now.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum);
        }

        @Override
        public int count(String client, Instant now) {
            lookups.incrementAndGet();
            return counts.getOrDefault(client + now.truncatedTo(ChronoUnit.MINUTES), 0);
        }
    }
}
