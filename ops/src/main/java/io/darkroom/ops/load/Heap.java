package io.darkroom.ops.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The server's heap as its Prometheus endpoint reports it: used heap now, and live data after the last major GC. */
final class Heap {
    private final HttpClient http;
    private final String url;

    Heap(HttpClient http, String baseUrl) {
        this.http = http;
        this.url = baseUrl + "/actuator/prometheus";
    }

    /** Used heap in bytes now, or -1 when the endpoint does not answer. */
    double usedBytes() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return used;
        } catch (Exception e) {
            return -1;
        }
    }

    String read() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            double live = -1;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    live = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return String.format("used %.0f MB, live after last major GC %.0f MB", used / 1048576, live / 1048576);
        } catch (Exception e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
