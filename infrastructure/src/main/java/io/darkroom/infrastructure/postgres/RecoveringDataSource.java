package io.darkroom.infrastructure.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A HikariCP pool that comes back quickly after PostgreSQL was unreachable. While the server is
 * down, HikariCP's connection adder backs off up to 5 s between attempts, so after a restart the
 * pool could stay empty for seconds. Here, once a connection attempt fails because the server is
 * unreachable, a watcher probes it every {@code probeInterval} with a plain connection; if it saw
 * the server down and then up again, it puts a fresh pool in place and closes the old one a
 * little later (its connections died with the server). A probe that succeeds at once (the pool
 * was merely busy) changes nothing.
 */
public final class RecoveringDataSource extends AbstractDataSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveringDataSource.class);
    private static final Duration OLD_POOL_GRACE = Duration.ofSeconds(30);

    private final Supplier<HikariDataSource> pools;
    private final Duration probeInterval;
    private final AtomicReference<HikariDataSource> current;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean closed;

    public RecoveringDataSource(Supplier<HikariDataSource> pools, Duration probeInterval) {
        this.pools = pools;
        this.probeInterval = probeInterval;
        this.current = new AtomicReference<>(pools.get());
    }

    public HikariDataSource pool() {
        return current.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return current.get().getConnection();
        } catch (SQLException e) {
            if (DatabaseReachability.isUnreachable(e)) {
                watch();
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current.get().getConnection(username, password);
    }

    /** The current pool is what this wraps (an online rebuild evicts a connection it cannot clean up). */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : current.get().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || current.get().isWrapperFor(iface);
    }

    private void watch() {
        if (closed || !watching.compareAndSet(false, true)) {
            return;
        }
        Thread watcher = new Thread(this::awaitRecovery, "database-recovery-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void awaitRecovery() {
        HikariDataSource pool = current.get();
        boolean sawItDown = false;
        try {
            while (!closed) {
                if (reachable(pool)) {
                    if (sawItDown) {
                        replace(pool);
                    }
                    return;
                }
                if (!sawItDown) {
                    LOG.warn("PostgreSQL is unreachable; probing every {} ms", probeInterval.toMillis());
                }
                sawItDown = true;
                Thread.sleep(probeInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watching.set(false);
        }
    }

    /** The old pool closes after a grace period on its own thread, so a new outage right after is watched at once. */
    private void replace(HikariDataSource old) {
        current.set(pools.get());
        LOG.warn("PostgreSQL is reachable again; a new connection pool replaces {}", old.getPoolName());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(OLD_POOL_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        }, "database-old-pool-closer");
        closer.setDaemon(true);
        closer.start();
    }

    private static boolean reachable(HikariDataSource pool) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", "2");
        try (Connection probe = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
            return probe.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        current.get().close();
    }
}
