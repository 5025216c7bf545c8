package io.darkroom.infrastructure.preset;

import io.darkroom.infrastructure.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUnsignedUploadLimiterTest {
    private final JdbcUnsignedUploadLimiter limiter = new JdbcUnsignedUploadLimiter(PostgresTestDatabase.jdbc());
    private static final Instant TEN_PAST = Instant.parse("2026-12-06T10:10:00Z");

    private static Map<String, Integer> limits(Object... scopesAndLimits) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (int i = 0; i < scopesAndLimits.length; i += 2) {
            limits.put((String) scopesAndLimits[i], (Integer) scopesAndLimits[i + 1]);
        }
        return limits;
    }

    @Test
    void a_scope_gets_its_hourly_allowance_and_not_one_more() {
        String scope = "preset|c|" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(limits(scope, 3), TEN_PAST)).isEmpty();
        }
        assertThat(limiter.consume(limits(scope, 3), TEN_PAST.plusSeconds(60))).contains(scope);
    }

    @Test
    void every_scope_of_a_call_is_counted_and_the_first_exceeded_is_named() {
        String preset = "preset|c|" + UUID.randomUUID();
        String address = "address|c|" + UUID.randomUUID();
        assertThat(limiter.consume(limits(preset, 5, address, 1), TEN_PAST)).isEmpty();
        assertThat(limiter.consume(limits(preset, 5, address, 1), TEN_PAST)).contains(address);
        assertThat(PostgresTestDatabase.jdbc().queryForObject("SELECT calls FROM unsigned_upload_window WHERE scope = ?",
                Integer.class, preset)).isEqualTo(2);
    }

    @Test
    void the_next_hour_starts_afresh() {
        String scope = "address|c|" + UUID.randomUUID();
        assertThat(limiter.consume(limits(scope, 1), TEN_PAST)).isEmpty();
        assertThat(limiter.consume(limits(scope, 1), TEN_PAST)).contains(scope);
        assertThat(limiter.consume(limits(scope, 1), TEN_PAST.plusSeconds(3600))).isEmpty();
        assertThat(PostgresTestDatabase.jdbc().queryForObject("SELECT count(*) FROM unsigned_upload_window WHERE scope = ?",
                Integer.class, scope)).as("the older window is gone").isEqualTo(1);
    }

    @Test
    void no_limit_counts_nothing() {
        String scope = "preset|c|" + UUID.randomUUID();
        assertThat(limiter.consume(limits(scope, 0), TEN_PAST)).isEmpty();
        assertThat(PostgresTestDatabase.jdbc().queryForObject("SELECT count(*) FROM unsigned_upload_window WHERE scope = ?",
                Integer.class, scope)).isZero();
    }
}
