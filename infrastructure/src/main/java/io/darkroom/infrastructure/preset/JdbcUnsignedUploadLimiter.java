package io.darkroom.infrastructure.preset;

import io.darkroom.application.preset.UnsignedUploadLimiter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Fixed hourly windows in {@code unsigned_upload_window}: one atomic upsert per call, so nodes share the allowance. */
public class JdbcUnsignedUploadLimiter implements UnsignedUploadLimiter {
    private final JdbcTemplate jdbc;

    public JdbcUnsignedUploadLimiter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean consume(String scope, int hourlyLimit, Instant now) {
        if (hourlyLimit == 0) {
            return true;
        }
        OffsetDateTime window = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
        Integer calls = jdbc.queryForObject("""
                INSERT INTO unsigned_upload_window (scope, window_start, calls) VALUES (?, ?, 1)
                ON CONFLICT (scope, window_start) DO UPDATE SET calls = unsigned_upload_window.calls + 1
                RETURNING calls""", Integer.class, scope, window);
        int used = calls == null ? 1 : calls;
        if (used == 1) {
            // the first call of a window clears the scope's older windows
            jdbc.update("DELETE FROM unsigned_upload_window WHERE scope = ? AND window_start < ?", scope, window);
        }
        return used <= hourlyLimit;
    }
}
