package io.darkroom.infrastructure.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.console.ConsoleSessions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions in PostgreSQL: tokens are 32 random bytes (base64url), stored only as their SHA-256, so a copy of
 * the table opens no session. A lookup and its "last used" mark are one statement.
 */
public class JdbcConsoleSessions implements ConsoleSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public JdbcConsoleSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ConsoleSession open(String cloud, String apiKey, String clientAddress, Instant now) {
        String token = random();
        String csrf = random();
        jdbc.update("""
                INSERT INTO console_session (token_hash, cloud, api_key, csrf_token, client_address, created_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", hash(token), cloud, apiKey, csrf, clientAddress, Timestamp.from(now),
                Timestamp.from(now));
        return new ConsoleSession(token, cloud, apiKey, csrf, now);
    }

    @Override
    public Optional<ConsoleSession> find(String token, Instant now, Instant idleSince, Instant openedSince) {
        return jdbc.query("""
                UPDATE console_session SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at >= ? AND created_at >= ?
                RETURNING cloud, api_key, csrf_token, created_at""",
                (rs, row) -> new ConsoleSession(token, rs.getString("cloud"), rs.getString("api_key"), rs.getString("csrf_token"),
                        rs.getTimestamp("created_at").toInstant()),
                Timestamp.from(now), hash(token), Timestamp.from(idleSince), Timestamp.from(openedSince)).stream().findFirst();
    }

    @Override
    public void close(String token) {
        jdbc.update("DELETE FROM console_session WHERE token_hash = ?", hash(token));
    }

    @Override
    public int sweep(Instant idleSince, Instant openedSince) {
        return jdbc.update("DELETE FROM console_session WHERE last_seen_at < ? OR created_at < ?", Timestamp.from(idleSince),
                Timestamp.from(openedSince));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
