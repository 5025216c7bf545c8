package io.darkroom.infrastructure.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveringDataSourceTest {

    @Test
    void after_the_server_comes_back_a_fresh_pool_serves_at_once() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "recovering-").toAbsolutePath();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = start(data, port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (RecoveringDataSource dataSource = new RecoveringDataSource(() -> {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(4);
            pool.setConnectionTimeout(500);
            return pool;
        }, Duration.ofMillis(100))) {
            HikariDataSource first = dataSource.pool();
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            assertThat(dataSource.isWrapperFor(HikariDataSource.class)).as("it wraps its current pool").isTrue();
            assertThat(dataSource.unwrap(HikariDataSource.class)).isSameAs(first);

            postgres.close();
            SQLException refused = null;
            for (int attempt = 0; attempt < 10 && refused == null; attempt++) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.createStatement().execute("SELECT 1"); // an idle pooled connection dies on use
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("57P")) {
                        refused = e;
                    }
                }
            }
            assertThat((Object) refused).isNotNull();
            assertThat(DatabaseReachability.isUnreachable(refused)).isTrue();
            Thread.sleep(2000); // HikariCP's own adder is now deep in its backoff
            postgres = start(data, port);

            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (dataSource.pool() == first && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dataSource.pool()).isNotSameAs(first);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
