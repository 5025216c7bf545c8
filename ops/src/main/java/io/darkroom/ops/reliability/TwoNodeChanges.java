package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two-node scenario's changes after its chunked uploads: plain uploads to alternating nodes, a derived size of each,
 * renames on the other node, deletes, and Media Optimizer variants (a web source reading node A's own deliveries), each
 * checked through both nodes: byte-identical answers, and 404 on both once an asset is renamed away or deleted.
 */
final class TwoNodeChanges {
    private final List<Api> nodes;
    private final List<String> failures;
    private final String mode;

    TwoNodeChanges(List<Api> nodes, List<String> failures, String mode) {
        this.nodes = nodes;
        this.failures = failures;
        this.mode = mode;
    }

    /** Answers {checked, identical}: plain assets checked through both nodes, and those both delivered alike. */
    int[] run(int count) throws Exception {
        List<String> publicIds = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        int identical = 0;
        for (int i = 0; i < count; i++) {
            byte[] image = CrashScenario.noisePng(300 + i, 200);
            Api.Answer answer = nodes.get(i % 2).upload(Map.of("public_id", "plain/" + i), image, "plain.png");
            if (answer.status() != 200) {
                failures.add(mode + ": plain upload " + i + " answered " + answer.status() + " " + answer.body());
                continue;
            }
            publicIds.add("plain/" + i);
            hashes.add(CrashScenario.sha256(image));
            boolean same = identicalOnBoth(nodes, answer.json().path("url").asText(), CrashScenario.sha256(image), failures, mode)
                    & derivedAlike(url(0, "c_scale,w_40/plain/" + i + ".png"));
            identical += same ? 1 : 0;
        }
        for (int i = 0; i < publicIds.size(); i++) {
            String publicId = publicIds.get(i);
            if (i % 4 == 1) {
                rename(i, publicId, hashes.get(i));
            } else if (i % 4 == 2) {
                delete(i, publicId);
            }
        }
        optimizerVariants(publicIds.stream().filter(id -> Integer.parseInt(id.substring(6)) % 4 == 0).toList());
        return new int[] {publicIds.size(), identical};
    }

    private String url(int node, String path) {
        return nodes.get(node).baseUrl() + "/" + DarkroomProcess.CLOUD + "/image/upload/" + path;
    }

    private boolean derivedAlike(String urlOnA) throws Exception {
        byte[] first = nodes.get(0).bytes(urlOnA);
        byte[] second = nodes.get(1).bytes(urlOnA.replace(nodes.get(0).baseUrl(), nodes.get(1).baseUrl()));
        if (first == null || second == null || !CrashScenario.sha256(first).equals(CrashScenario.sha256(second))) {
            failures.add(mode + ": " + urlOnA + " derived " + (first == null ? "nothing" : first.length + " bytes") + " on A and "
                    + (second == null ? "nothing" : second.length + " bytes") + " on B");
            return false;
        }
        return true;
    }

    /** Renamed on the node that did not upload it: the new name delivers the same bytes on both, the old one on neither. */
    private void rename(int i, String publicId, String hash) throws Exception {
        String target = "renamed/" + i;
        Api.Answer renamed = nodes.get((i + 1) % 2).action("image/rename", Map.of("from_public_id", publicId, "to_public_id", target));
        if (renamed.status() != 200) {
            failures.add(mode + ": rename of " + publicId + " answered " + renamed.status() + " " + renamed.body());
            return;
        }
        identicalOnBoth(nodes, url(0, target + ".png"), hash, failures, mode);
        awaitGoneOnBoth(publicId + ".png");
    }

    private void delete(int i, String publicId) throws Exception {
        Api.Answer deleted = nodes.get(i % 2).action("image/destroy", Map.of("public_id", publicId));
        if (deleted.status() != 200 || !deleted.body().contains("\"ok\"")) {
            failures.add(mode + ": destroy of " + publicId + " answered " + deleted.status() + " " + deleted.body());
            return;
        }
        awaitGoneOnBoth(publicId + ".png");
    }

    /** Both nodes stop delivering the file within their delivery caches' sync interval. */
    private void awaitGoneOnBoth(String file) throws Exception {
        for (int node = 0; node < 2; node++) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            int status;
            do {
                status = nodes.get(node).get(url(node, file)).status();
                if (status == 404) {
                    break;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            if (status != 404) {
                failures.add(mode + ": " + file + " still answers " + status + " on node " + "AB".charAt(node));
            }
        }
    }

    /** A Media Optimizer profile whose web source is node A's delivery: each variant derived once, both nodes answer it alike. */
    private void optimizerVariants(List<String> publicIds) throws Exception {
        Api a = nodes.get(0);
        String domain = optimizerApi(a, "GET", "/domains", "").path(0).path("id").asText();
        String source = optimizerApi(a, "POST", "/media_sources", "{\"display_name\":\"self\",\"uri_type\":\"web\",\"config\":"
                + "{\"web_uri_base\":\"" + a.baseUrl() + "/" + DarkroomProcess.CLOUD + "/image/upload\"}}").path("id").asText();
        String profile = optimizerApi(a, "POST", "/delivery_profiles", "{\"display_name\":\"two\",\"cname_id\":\"" + domain
                + "\",\"mapping_function_id\":\"9468a72d37440570233dd41eeacc0b04\",\"media_source_ids\":[\"" + source + "\"]}")
                .path("id").asText();
        optimizerApi(a, "PUT", "/delivery_profiles/" + profile, "{\"is_enabled\":true}");
        for (String publicId : publicIds) {
            String path = "/mo/" + DarkroomProcess.CLOUD + ".mo.localhost/" + publicId + ".png?tx=w_30";
            byte[] onA = a.bytes(a.baseUrl() + path);
            byte[] onB = nodes.get(1).bytes(nodes.get(1).baseUrl() + path);
            if (onA == null || onB == null || !CrashScenario.sha256(onA).equals(CrashScenario.sha256(onB))) {
                failures.add(mode + ": Media Optimizer " + path + " answered " + (onA == null ? "nothing" : onA.length + " bytes") + " on A and "
                        + (onB == null ? "nothing" : onB.length + " bytes") + " on B");
            }
        }
    }

    private com.fasterxml.jackson.databind.JsonNode optimizerApi(Api node, String method, String path, String json) throws Exception {
        Api.Answer answer = node.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/" + node.cloud() + path))
                .header("Authorization", node.authorization()).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        if (answer.status() != 200) {
            throw new IllegalStateException(mode + ": Media Optimizer " + method + " " + path + " answered " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    /** The asset at {@code url} (any node's) is delivered by both nodes with the SHA-256 {@code hash}. */
    static boolean identicalOnBoth(List<Api> nodes, String url, String hash, List<String> failures, String mode) throws Exception {
        for (Api node : nodes) {
            String onNode = url.replaceFirst("http://localhost:\\d+", node.baseUrl());
            byte[] delivered = node.bytes(onNode);
            if (delivered == null || !CrashScenario.sha256(delivered).equals(hash)) {
                failures.add(mode + ": " + onNode + " delivered " + (delivered == null ? "nothing" : delivered.length + " bytes")
                        + " instead of the uploaded file");
                return false;
            }
        }
        return true;
    }
}
