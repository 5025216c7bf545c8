package io.darkroom.api.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.darkroom.infrastructure.postgres.RecoveringDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way Darkroom builds its database pool, for the embedded and the external database:
 * HikariCP configured from {@code spring.datasource.hikari.*}, measured by Micrometer, wrapped in
 * a {@link RecoveringDataSource} that replaces it after an outage. Each generation of the pool
 * has its own name, so its meters never collide with the one it replaces.
 */
final class ConnectionPools {
    private ConnectionPools() {
    }

    static RecoveringDataSource recovering(Environment environment, ObjectProvider<MeterRegistry> meters, String jdbcUrl,
                                           String username, String password, String name) {
        AtomicInteger generation = new AtomicInteger();
        Supplier<HikariDataSource> pools = () -> {
            HikariDataSource pool = new HikariDataSource();
            Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
            pool.setJdbcUrl(jdbcUrl);
            pool.setUsername(username);
            pool.setPassword(password);
            pool.setPoolName(name + "-" + generation.incrementAndGet());
            meters.ifAvailable(registry -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
            return pool;
        };
        return new RecoveringDataSource(pools, Duration.ofMillis(200));
    }
}
