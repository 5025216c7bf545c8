package io.darkroom.infrastructure.cloud;

import io.darkroom.application.cloud.AuthenticationFailures;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** One-minute windows counted with an atomic upsert; windows older than the current one are dropped as it opens. */
public class JdbcAuthenticationFailures implements AuthenticationFailures {
    private final JdbcTemplate jdbc;

    public JdbcAuthenticationFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int record(String client, Instant now) {
        OffsetDateTime window = windowOf(now);
        Integer failures = jdbc.queryForObject("""
                INSERT INTO authentication_failure (client_address, window_start, failures) VALUES (?, ?, 1)
                ON CONFLICT (client_address, window_start) DO UPDATE SET failures = authentication_failure.failures + 1
                RETURNING failures""", Integer.class, client, window);
        int count = failures == null ? 1 : failures;
        if (count == 1) {
            jdbc.update("DELETE FROM authentication_failure WHERE window_start < ?", window);
        }
        return count;
    }

    @Override
    public int count(String client, Instant now) {
        List<Integer> failures = jdbc.queryForList(
                "SELECT failures FROM authentication_failure WHERE client_address = ? AND window_start = ?", Integer.class,
                client, windowOf(now));
        return failures.isEmpty() ? 0 : failures.get(0);
    }

    private static OffsetDateTime windowOf(Instant now) {
        return OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC);
    }
}
