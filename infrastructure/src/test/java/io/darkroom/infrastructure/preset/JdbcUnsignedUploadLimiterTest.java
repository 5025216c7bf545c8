package io.darkroom.infrastructure.preset;

import io.darkroom.infrastructure.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUnsignedUploadLimiterTest {
    private final JdbcUnsignedUploadLimiter limiter = new JdbcUnsignedUploadLimiter(PostgresTestDatabase.jdbc());
    private static final Instant TEN_PAST = Instant.parse("2026-12-06T10:10:00Z");

    @Test
    void a_scope_gets_its_hourly_allowance_and_not_one_more() {
        String scope = "preset|c|" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(scope, 3, TEN_PAST)).isTrue();
        }
        assertThat(limiter.consume(scope, 3, TEN_PAST.plusSeconds(60))).isFalse();
    }

    @Test
    void the_next_hour_starts_afresh_and_scopes_do_not_share() {
        String scope = "address|c|" + UUID.randomUUID();
        assertThat(limiter.consume(scope, 1, TEN_PAST)).isTrue();
        assertThat(limiter.consume(scope, 1, TEN_PAST)).isFalse();
        assertThat(limiter.consume(scope + "x", 1, TEN_PAST)).isTrue();
        assertThat(limiter.consume(scope, 1, TEN_PAST.plusSeconds(3600))).isTrue();
    }

    @Test
    void no_limit_counts_nothing() {
        String scope = "preset|c|" + UUID.randomUUID();
        assertThat(limiter.consume(scope, 0, TEN_PAST)).isTrue();
        assertThat(PostgresTestDatabase.jdbc().queryForObject("SELECT count(*) FROM unsigned_upload_window WHERE scope = ?",
                Integer.class, scope)).isZero();
    }
}
