package io.darkroom.infrastructure.preset;

import io.darkroom.application.preset.UnsignedUploadLimiter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed hourly windows in {@code unsigned_upload_window}: every scope of a call counted in one upsert, so nodes share the
 * allowances, in one round trip. The counts are not worth a disk flush each: the statement's transaction commits without
 * waiting for one ({@code synchronous_commit} off for it alone), so a crash may forget the last few counts, never corrupt them.
 */
public class JdbcUnsignedUploadLimiter implements UnsignedUploadLimiter {
    private final JdbcTemplate jdbc;

    public JdbcUnsignedUploadLimiter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> consume(Map<String, Integer> hourlyLimits, Instant now) {
        List<String> scopes = hourlyLimits.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (scopes.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime window = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
        Map<String, Integer> calls = new HashMap<>();
        // one statement, its own transaction: set_config(..., true) makes this transaction's commit skip the flush wait;
        // scopes go in the caller's order, so concurrent calls lock shared rows in one order, never in a cycle
        jdbc.query("""
                WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
                INSERT INTO unsigned_upload_window (scope, window_start, calls)
                SELECT scope, ?, 1 FROM relaxed, unnest(?::text[]) WITH ORDINALITY AS s(scope, n) ORDER BY n
                ON CONFLICT (scope, window_start) DO UPDATE SET calls = unsigned_upload_window.calls + 1
                RETURNING scope, calls""", rs -> {
            calls.put(rs.getString("scope"), rs.getInt("calls"));
        }, window, scopes.toArray(String[]::new));
        calls.forEach((scope, used) -> {
            if (used == 1) {
                // the first call of a window clears the scope's older windows
                jdbc.update("DELETE FROM unsigned_upload_window WHERE scope = ? AND window_start < ?", scope, window);
            }
        });
        return scopes.stream().filter(scope -> calls.getOrDefault(scope, 0) > hourlyLimits.get(scope)).findFirst();
    }
}
