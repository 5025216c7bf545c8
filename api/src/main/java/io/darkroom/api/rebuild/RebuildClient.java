package io.darkroom.api.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar darkroom.jar rebuild [--url http://localhost:8080] [--projections all|listing,audit,...] [--verify]}:
 * starts an online rebuild on a running node and prints its progress every second until it ends
 * (exit 0 when it switched, or verified without differences). The token is {@code DARKROOM_OPERATOR_TOKEN}.
 */
public final class RebuildClient {
    private RebuildClient() {
    }

    public static int run(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String projections = "all";
        String mode = "switch";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--projections", "--projection" -> projections = args[++i];
                case "--verify" -> mode = "verify";
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        String token = System.getenv("DARKROOM_OPERATOR_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set DARKROOM_OPERATOR_TOKEN to the token the node was started with");
            return 2;
        }
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild?projections="
                        + URLEncoder.encode(projections, StandardCharsets.UTF_8) + "&mode=" + mode))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("Refused (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        while (true) {
            Thread.sleep(1000);
            JsonNode status = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            String state = status.path("state").asText();
            if (state.equals("running")) {
                System.out.printf("%s: %,d of %,d events, %,d events/s, %d s left%n", status.path("phase").asText("starting"),
                        status.path("done").asLong(), status.path("total").asLong(), status.path("events_per_second").asLong(),
                        status.path("seconds_left").asLong());
                continue;
            }
            System.out.println(status.toPrettyString());
            return state.equals("done") && status.path("differences").isEmpty() ? 0 : 1;
        }
    }
}
