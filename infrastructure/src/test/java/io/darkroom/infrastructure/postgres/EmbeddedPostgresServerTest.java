package io.darkroom.infrastructure.postgres;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @Test
    void a_server_left_running_by_a_process_killed_with_sigkill_is_stopped_and_the_data_kept() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "leftover-").toAbsolutePath();
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerThatGetsKilled.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String leftoverUrl;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(killed.getInputStream()))) {
            leftoverUrl = out.readLine();
        }
        assertThat(leftoverUrl).startsWith("jdbc:postgresql:");
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        DriverManager.getConnection(leftoverUrl, "postgres", "postgres").close(); // its PostgreSQL outlived it

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir)) {
            JdbcTemplate jdbc = new JdbcTemplate(restarted.dataSource());
            assertThat(jdbc.queryForObject("SELECT answer FROM kept", Integer.class)).isEqualTo(42);
            assertThatThrownBy(() -> DriverManager.getConnection(leftoverUrl, "postgres", "postgres").close())
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    /** Runs in a child JVM: starts the server, writes a row, prints the URL and waits to be killed. */
    public static final class ServerThatGetsKilled {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            new JdbcTemplate(server.dataSource()).execute("CREATE TABLE kept AS SELECT 42 AS answer");
            System.out.println(server.jdbcUrl());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
