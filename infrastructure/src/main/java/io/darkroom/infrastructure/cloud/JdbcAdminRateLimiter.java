package io.darkroom.infrastructure.cloud;

import io.darkroom.application.cloud.AdminAllowance;
import io.darkroom.application.cloud.AdminRateLimiter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Fixed hourly windows, as Cloudinary's: one atomic upsert per call counts it and answers the
 * count, so nodes sharing the database share the allowance without locks held across calls.
 */
public class JdbcAdminRateLimiter implements AdminRateLimiter {
    private final JdbcTemplate jdbc;

    public JdbcAdminRateLimiter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AdminAllowance consume(String cloud, int hourlyLimit, Instant now) {
        Instant windowStart = now.truncatedTo(ChronoUnit.HOURS);
        Instant reset = windowStart.plus(1, ChronoUnit.HOURS);
        if (hourlyLimit == 0) {
            return new AdminAllowance(0, 0, reset, true);
        }
        Integer calls = jdbc.queryForObject("""
                INSERT INTO admin_api_window (cloud, window_start, calls) VALUES (?, ?, 1)
                ON CONFLICT (cloud, window_start) DO UPDATE SET calls = admin_api_window.calls + 1
                RETURNING calls""", Integer.class, cloud, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
        int used = calls == null ? 1 : calls;
        if (used == 1) {
            jdbc.update("DELETE FROM admin_api_window WHERE cloud = ? AND window_start < ?", cloud,
                    OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
        }
        return new AdminAllowance(hourlyLimit, Math.max(0, hourlyLimit - used), reset, used <= hourlyLimit);
    }
}
