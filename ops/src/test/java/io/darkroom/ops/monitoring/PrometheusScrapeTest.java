package io.darkroom.ops.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.darkroom.ops.client.Api;
import io.darkroom.ops.reliability.DarkroomProcess;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's monitoring against the real thing: promtool checks the scrape config and the alert
 * rules and runs their unit tests; a real Prometheus (Debian's, which {@code .ci/run} installs)
 * scrapes a running Darkroom after some traffic, and every expression of the Grafana dashboard and
 * every metric the rules use returns data (each whole rule expression is valid PromQL).
 */
class PrometheusScrapeTest {
    private static final Path OPS_PROMETHEUS = Path.of("prometheus").toAbsolutePath();
    private static final Path DASHBOARD = Path.of("grafana/darkroom-dashboard.json").toAbsolutePath();
    private static final Pattern METRIC = Pattern.compile("\\b(darkroom_[a-z_]+|http_server_requests_seconds_[a-z]+|jvm_[a-z_]+|"
            + "hikaricp_[a-z_]+|up)\\b(?!\\()");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void promtool_passes_and_every_dashboard_and_rule_expression_returns_data() throws Exception {
        run("promtool", "check", "rules", OPS_PROMETHEUS.resolve("darkroom-rules.yml").toString());
        run("promtool", "test", "rules", OPS_PROMETHEUS.resolve("darkroom-rules.test.yml").toString());
        run("promtool", "check", "config", OPS_PROMETHEUS.resolve("prometheus.yml").toString());

        Path jar = Path.of("../api/target/darkroom.jar").toAbsolutePath().normalize();
        assertThat(jar).as("build the api module first").exists();
        Path work = Files.createDirectories(Path.of("target/monitoring")).toAbsolutePath();
        DarkroomProcess darkroom = new DarkroomProcess(jar, Files.createTempDirectory(work, "darkroom-"),
                Map.of("DARKROOM_AUTH_MAX_FAILURES_PER_MINUTE", "2"));
        Process prometheus = null;
        try {
            darkroom.start(Duration.ofSeconds(120));
            String id = traffic(darkroom);
            int port = DarkroomProcess.freePort();
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: ['%s']
                    scrape_configs:
                      - job_name: darkroom
                        metrics_path: /actuator/prometheus
                        static_configs: [{targets: ['%s']}]
                    """.formatted(OPS_PROMETHEUS.resolve("darkroom-rules.yml"), URI.create(darkroom.baseUrl()).getAuthority()));
            prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + Files.createTempDirectory(work, "tsdb-"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            awaitSamples(base);
            // more deliveries between scrapes, so rates have something to show (the client is locked out of the APIs now)
            deliver(darkroom, id, 11);
            Thread.sleep(4000);

            List<String> empty = new ArrayList<>();
            for (String expression : dashboardExpressions()) {
                if (query(base, expression).path("data").path("result").isEmpty()) {
                    empty.add("dashboard: " + expression);
                }
            }
            String rules = Files.readString(OPS_PROMETHEUS.resolve("darkroom-rules.yml"));
            for (String metric : metricsIn(rules)) {
                if (query(base, "count(" + metric + ")").path("data").path("result").isEmpty()) {
                    empty.add("rules: " + metric);
                }
            }
            for (String expression : ruleExpressions(rules)) {
                assertThat(query(base, expression).path("status").asText()).as(expression).isEqualTo("success");
            }
            assertThat(empty).as("expressions and metrics without data").isEmpty();
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
            }
            darkroom.stop();
        }
    }

    /** An upload, a derivation delivered twice (a miss, then a cache hit), an Admin API call, and a lock-out; the upload's id. */
    private String traffic(DarkroomProcess darkroom) throws Exception {
        Api api = darkroom.api();
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        String id = "monitoring/" + System.nanoTime();
        assertThat(api.upload(Map.of("public_id", id), jpeg.toByteArray(), "a.jpg").status()).isEqualTo(200);
        deliver(darkroom, id, 10);
        assertThat(api.admin("GET", "resources/image").status()).isEqualTo(200);
        Api wrong = new Api(darkroom.baseUrl(), DarkroomProcess.CLOUD, DarkroomProcess.KEY, "not-the-secret");
        for (int i = 0; i < 4; i++) {
            wrong.admin("GET", "resources/image");
        }
        return id;
    }

    private void deliver(DarkroomProcess darkroom, String id, int width) throws Exception {
        String derived = darkroom.baseUrl() + "/" + DarkroomProcess.CLOUD + "/image/upload/w_" + width + "/" + id + ".jpg";
        assertThat(darkroom.api().get(derived).status()).isEqualTo(200);
        assertThat(darkroom.api().get(derived).status()).isEqualTo(200);
    }

    private void awaitSamples(String base) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (!query(base, "darkroom_database_reachable").path("data").path("result").isEmpty()) {
                    Thread.sleep(2000);
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus did not scrape Darkroom within a minute");
    }

    private JsonNode query(String base, String expression) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(answer.body());
    }

    private static List<String> dashboardExpressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : Api.JSON.readTree(DASHBOARD.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText().replace("$__rate_interval", "1m"));
            }
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    private static TreeSet<String> metricsIn(String rules) {
        TreeSet<String> metrics = new TreeSet<>();
        for (String expression : ruleExpressions(rules)) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                metrics.add(matcher.group(1));
            }
        }
        return metrics;
    }

    /** The {@code expr:} of each rule, on one line or folded ({@code expr: >}). */
    private static List<String> ruleExpressions(String rules) {
        List<String> expressions = new ArrayList<>();
        String[] lines = rules.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.startsWith("expr:")) {
                continue;
            }
            String value = line.substring(5).trim();
            if (value.equals(">")) {
                StringBuilder folded = new StringBuilder();
                while (i + 1 < lines.length && lines[i + 1].startsWith("          ")) {
                    folded.append(lines[++i].trim()).append(' ');
                }
                value = folded.toString().trim();
            }
            expressions.add(value);
        }
        return expressions;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
