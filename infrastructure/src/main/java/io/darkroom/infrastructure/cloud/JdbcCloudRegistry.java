package io.darkroom.infrastructure.cloud;

import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.infrastructure.crypto.AesGcmSecretCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clouds live in the {@code cloud} table with their secrets encrypted. At start-up the
 * configured clouds are written (configuration wins), and if the table is still empty a cloud
 * with random credentials is created and its {@code CLOUDINARY_URL} printed once. A
 * transaction-scoped advisory lock keeps two nodes starting together from racing.
 */
public class JdbcCloudRegistry implements CloudDirectory {
    private static final long BOOTSTRAP_LOCK = 0x6461726b726f6f6dL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AesGcmSecretCipher cipher;
    private final Map<String, Cloud> clouds = new ConcurrentHashMap<>();
    private final IdGenerator ids;

    public JdbcCloudRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, AesGcmSecretCipher cipher, IdGenerator ids) {
        this.ids = ids;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /**
     * Writes the configured clouds, creates one if there is none, and loads them all; the cloud it created, if it did
     * (its secret is shown to the person starting Darkroom once, and never again).
     */
    public Optional<Cloud> bootstrap(List<Cloud> configured, int defaultHourlyLimit) {
        Optional<Cloud> created = transactions.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", BOOTSTRAP_LOCK);
            for (Cloud cloud : configured) {
                jdbc.update("""
                        INSERT INTO cloud (name, api_key, api_secret_cipher, hourly_limit) VALUES (?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET api_key = excluded.api_key,
                            api_secret_cipher = excluded.api_secret_cipher, hourly_limit = excluded.hourly_limit""",
                        cloud.name(), cloud.apiKey(), cipher.encrypt(cloud.apiSecret()), cloud.hourlyAdminLimit());
            }
            Integer count = jdbc.queryForObject("SELECT count(*) FROM cloud", Integer.class);
            if (count != null && count == 0) {
                Cloud generated = new Cloud("darkroom" + ids.lowerAlphanumeric(6),
                        String.valueOf(100_000_000_000_000L + Math.abs(ids.hex32().hashCode())),
                        ids.lowerAlphanumeric(27), defaultHourlyLimit);
                jdbc.update("INSERT INTO cloud (name, api_key, api_secret_cipher, hourly_limit) VALUES (?, ?, ?, ?)",
                        generated.name(), generated.apiKey(), cipher.encrypt(generated.apiSecret()), generated.hourlyAdminLimit());
                return Optional.of(generated);
            }
            return Optional.<Cloud>empty();
        });
        reload();
        return created;
    }

    public void reload() {
        jdbc.query("SELECT name, api_key, api_secret_cipher, hourly_limit FROM cloud", rs -> {
            Cloud cloud = new Cloud(rs.getString("name"), rs.getString("api_key"),
                    cipher.decrypt(rs.getString("api_secret_cipher")), rs.getInt("hourly_limit"));
            clouds.put(cloud.name(), cloud);
        });
    }

    @Override
    public Optional<Cloud> find(String cloudName) {
        return Optional.ofNullable(clouds.get(cloudName));
    }

    @Override
    public Optional<java.time.Instant> createdAt(String cloudName) {
        return jdbc.query("SELECT created_at FROM cloud WHERE name = ?", (rs, n) -> rs.getTimestamp("created_at").toInstant(),
                cloudName).stream().findFirst();
    }
}
